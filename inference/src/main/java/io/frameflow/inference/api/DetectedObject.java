package io.frameflow.inference.api;

/**
 * One object a detector found, with its box in pixels of the image that was passed in (not of the
 * model's input size).
 */
public record DetectedObject(
        int classId, String label, float score, float x1, float y1, float x2, float y2) {}
