"""A live RTSP camera for FrameFlow's tests, on GStreamer's RTSP server.

One reader pipeline plays the clip in real time, forever (it seeks back to the start at its end),
whether or not anyone watches, as a camera would. Every RTSP session gets what the reader produces
from then on, encoded to H.264 with a short GOP. Prints "READY <port>" on stdout once it listens.
"""

import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--video", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/live")
    p.add_argument("--width", type=int, default=0)
    p.add_argument("--height", type=int, default=0)
    p.add_argument("--fps", type=int, default=10)
    p.add_argument("--gop", type=int, default=10)
    p.add_argument("--protocols", choices=["tcp", "udp", "both"], default="both")
    return p.parse_args()


class Camera:
    """Plays the clip in a loop at its own pace and hands each raw picture to the sessions."""

    def __init__(self, args):
        size = ""
        if args.width > 0 and args.height > 0:
            size = ",width=%d,height=%d" % (args.width, args.height)
        self.pipeline = Gst.parse_launch(
            'filesrc name=file ! decodebin ! videoconvert ! videoscale ! videorate ! '
            "video/x-raw,format=I420%s,framerate=%d/1 ! "
            "appsink name=sink sync=true emit-signals=true max-buffers=2 drop=true"
            % (size, args.fps)
        )
        self.pipeline.get_by_name("file").set_property("location", args.video)
        self.sink = self.pipeline.get_by_name("sink")
        self.sink.connect("new-sample", self.on_sample)
        self.sources = []
        bus = self.pipeline.get_bus()
        bus.add_signal_watch()
        bus.connect("message", self.on_message)

    def start(self):
        self.pipeline.set_state(Gst.State.PLAYING)

    def on_message(self, _bus, message):
        if message.type == Gst.MessageType.EOS:
            self.pipeline.seek_simple(Gst.Format.TIME, Gst.SeekFlags.FLUSH, 0)
        elif message.type == Gst.MessageType.ERROR:
            err, _ = message.parse_error()
            sys.stderr.write("camera pipeline error: %s\n" % err.message)
            sys.exit(2)

    def on_sample(self, sink):
        sample = sink.emit("pull-sample")
        for src in list(self.sources):
            if src.get_property("caps") is None:
                src.set_property("caps", sample.get_caps())
            buf = sample.get_buffer().copy()
            # the session stamps pictures with its own clock (do-timestamp)
            buf.pts = Gst.CLOCK_TIME_NONE
            buf.dts = Gst.CLOCK_TIME_NONE
            src.emit("push-buffer", buf)
        return Gst.FlowReturn.OK

    def attach(self, media):
        src = media.get_element().get_child_by_name("src")
        self.sources.append(src)
        media.connect("unprepared", lambda _m: self.sources.remove(src))


def main():
    args = parse_args()
    Gst.init(None)
    camera = Camera(args)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        "( appsrc name=src is-live=true do-timestamp=true format=time ! videoconvert ! "
        "x264enc tune=zerolatency speed-preset=ultrafast bframes=0 key-int-max=%d ! "
        "rtph264pay name=pay0 pt=96 config-interval=-1 )" % args.gop
    )
    factory.set_shared(True)
    protocols = {
        "tcp": GstRtsp.RTSPLowerTrans.TCP,
        "udp": GstRtsp.RTSPLowerTrans.UDP,
        "both": GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP,
    }[args.protocols]
    factory.set_protocols(protocols)
    factory.connect("media-configure", lambda _f, media: camera.attach(media))
    server.get_mount_points().add_factory(args.path, factory)
    if server.attach(None) == 0:
        sys.stderr.write("cannot listen on 127.0.0.1:%d\n" % args.port)
        sys.exit(3)
    camera.start()
    print("READY %d" % args.port, flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
