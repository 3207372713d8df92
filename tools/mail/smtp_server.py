"""A real SMTP server (aiosmtpd) for Unknot's tests: each message it takes is written whole to a
folder, one `.eml` file per recipient, named so they sort by arrival.

    smtp_server.py FOLDER --ready-file PATH [--port N] [--user U --password P]
                   [--starttls CERT KEY | --smtps CERT KEY] [--refuse ADDRESS]... [--busy]

It listens on 127.0.0.1 (a free port unless --port), then writes the port to the ready file.
--user/--password require AUTH PLAIN or LOGIN (over TLS when TLS is offered); --refuse answers
550 to RCPT for that address (a permanent failure); --busy answers 421 to every message (a
mail server that is down for now). It runs until SIGTERM or SIGINT.
"""

import argparse
import os
import signal
import socket
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Folder:
    def __init__(self, folder, refuse, busy):
        self.folder = folder
        self.refuse = {address.lower() for address in refuse}
        self.busy = busy
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.busy:
            return "421 4.3.2 the mail system is down for now; try again later"
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        for recipient in envelope.rcpt_tos:
            with self.lock:
                self.count += 1
                number = self.count
            safe = "".join(c if c.isalnum() or c in "@.-_" else "_" for c in recipient)
            name = f"{time.time_ns()}-{number:05d}-{safe}.eml"
            partial = os.path.join(self.folder, "." + name)
            with open(partial, "wb") as file:
                file.write(b"X-Envelope-From: " + envelope.mail_from.encode("utf-8") + b"\r\n")
                file.write(content)
            os.replace(partial, os.path.join(self.folder, name))
        return "250 OK: kept"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--busy", action="store_true")
    options = parser.parse_args()
    # A parent may start us with SIGTERM blocked (Foundation's Process on Linux does): unblock it,
    # or the tests could never stop us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    os.makedirs(options.folder, exist_ok=True)

    def authenticate(server, session, envelope, mechanism, auth_data):
        good = (auth_data.login or b"").decode() == options.user and (auth_data.password or b"").decode() == options.password
        return AuthResult(success=good, handled=False)

    server_options = {"enable_SMTPUTF8": True}
    if options.user:
        server_options.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(options.starttls))
    if options.starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*options.starttls)
        server_options.update(tls_context=context, require_starttls=True)
    smtps = None
    if options.smtps:
        smtps = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        smtps.load_cert_chain(*options.smtps)
    port = options.port or free_port()
    controller = Controller(
        Folder(options.folder, options.refuse, options.busy), hostname="127.0.0.1", port=port,
        ssl_context=smtps, server_hostname="localhost", server_kwargs=server_options)
    controller.start()
    with open(options.ready_file + ".partial", "w") as ready:
        ready.write(str(port))
    os.replace(options.ready_file + ".partial", options.ready_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
