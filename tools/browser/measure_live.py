"""How much of a core the studio server spends on live stations with their consoles open.

Starts `unknot serve` (the binary in UNKNOT_BIN), opens one headless chromium console per
station on a demo session, lets the stations run for a while, and reads the server's CPU time
from /proc. Prints CPU seconds per wall second, with no session and with N.

    tools/browser/.venv/bin/python tools/browser/measure_live.py --sessions 4 --seconds 60
"""

import argparse
import os
import subprocess
import tempfile
import time
import uuid
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import conftest


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf(os.sysconf_names["SC_CLK_TCK"])
    return (int(fields[11]) + int(fields[12])) / ticks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    binary = os.environ.get("UNKNOT_BIN", ".build/release/unknot")
    work = tempfile.mkdtemp()
    port = 30000 + os.getpid() % 20000
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--database", f"{work}/m.sqlite", "--clock", "2026-11-23T08:50:00Z",
         "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    conftest.URL = f"http://127.0.0.1:{port}"
    browsers = []
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(conftest.URL + "/health", timeout=2)
                break
            except OSError:
                time.sleep(1)
        start, cpu = time.time(), cpu_seconds(server.pid)
        time.sleep(10)
        idle = (cpu_seconds(server.pid) - cpu) / (time.time() - start)
        for i in range(args.sessions):
            b = conftest.make_browser()
            browsers.append(b)
            conftest.submit_sign_up(b, conftest.sign_up(b, f"Load {i}"))
            conftest.open_page(b, "/")
            b.find_element(By.ID, "start-demo").click()
            conftest.answer_all_well(b)
            WebDriverWait(b, 20).until(lambda d: "Connected" in d.find_element(By.ID, "connection").text)
        time.sleep(8)  # settled in and working
        start, cpu = time.time(), cpu_seconds(server.pid)
        time.sleep(args.seconds)
        busy = (cpu_seconds(server.pid) - cpu) / (time.time() - start)
        states = [b.find_element(By.ID, "state").text for b in browsers]
        print(f"server CPU, idle: {idle * 100:.1f} % of a core")
        print(f"server CPU, {args.sessions} live sessions with consoles ({', '.join(states)}): "
              f"{busy * 100:.1f} % of a core, {(busy - idle) / max(1, args.sessions) * 100:.1f} % per session")
    finally:
        for b in browsers:
            b.quit()
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
