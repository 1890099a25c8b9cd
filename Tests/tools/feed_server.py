#!/usr/bin/env python3
"""Serves recorded copies of the published feed sources on 127.0.0.1 for the `upkeep feeds pull` tests.

Usage: feed_server.py BUNDLE_FOLDER   (prints the port on its first line, then serves until killed)

  /ok/NAME        the file NAME of the bundle folder (GET or POST)
  /status500/...  answers 500
  /slow/NAME      waits 5 seconds, then serves NAME
  /changed/NAME   serves NAME, except that the AKS Arc supported-versions page has lost its version table"""
import http.server
import os
import sys
import time

ROOT = os.path.abspath(sys.argv[1])


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *arguments):
        pass

    def answer(self):
        parts = self.path.lstrip("/").split("/", 1)
        mode, name = parts[0], parts[1] if len(parts) > 1 else ""
        if mode == "status500":
            self.send_response(500)
            self.end_headers()
            return
        if mode == "slow":
            time.sleep(5)
        path = os.path.normpath(os.path.join(ROOT, name))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            self.send_response(404)
            self.end_headers()
            return
        body = open(path, "rb").read()
        if mode == "changed" and name.endswith("supported-kubernetes-versions.md"):
            body = b"# Supported Kubernetes versions\n\nThe versions are now listed on another page.\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except BrokenPipeError:
            pass

    def do_GET(self):
        self.answer()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        self.answer()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
