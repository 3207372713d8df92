"""The console at the table, served by the station itself (`unknot station --simulated
--console-listen`): the tablet under the face cradle talks to its own station, not to the
studio. A client's session booked on that station and started is drawn and controlled from the
station's own page on an 800x1280 tablet, with nothing below the fold, and "That hurts" reaches
the engine on the station; without the key the station serves nothing."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid

import pytest
from selenium.webdriver.common.by import By

from conftest import URL, make_tablet, shot, wait
from test_console import fits


def api(method, path, token=None, body=None):
    request = urllib.request.Request(URL + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as reply:
        text = reply.read()
        return json.loads(text) if text else {}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def station():
    """A new station at the studio, run by `unknot station --simulated` with its console on a
    port of loopback: its id and the console's address (with its key)."""
    admin = api("POST", "/api/auth/login",
                body={"email": "admin@unknot.local", "password": os.environ["UNKNOT_ADMIN_PASSWORD"]})["token"]
    made = api("POST", "/api/stations", admin, {"name": "Table by the window", "status": "in-service"})
    credential = api("POST", f"/api/stations/{made['id']}/credentials", admin, {"label": "browser test"})["token"]
    folder = tempfile.mkdtemp(prefix="unknot-station-console-")
    port, key = free_port(), uuid.uuid4().hex
    process = subprocess.Popen(
        [os.environ["UNKNOT_BIN"], "station", "--simulated", "--studio", URL, "--station", str(made["id"]),
         "--token", credential, "--station-directory", folder, "--console-listen", f"127.0.0.1:{port}",
         "--console-key", key, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield made["id"], f"http://127.0.0.1:{port}", key
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def book_and_start(station_id):
    """A new client books Total back on the station and starts it (the station has linked when
    the studio takes the start)."""
    client = api("POST", "/api/accounts", body={
        "name": "Tia Table", "email": f"tia-{uuid.uuid4().hex[:8]}@example.com",
        "password": "a long and calm password"})["token"]
    api("PUT", "/api/me/care-plan", client, {"schemaVersion": 1})
    booking = api("POST", "/api/bookings", client, {
        "program": "total-back", "minutes": 30, "start": "2026-11-23T09:00", "stationId": station_id})["id"]
    deadline = time.monotonic() + 30
    while True:
        try:
            return api("POST", f"/api/bookings/{booking}/start", client)
        except urllib.error.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_the_station_serves_its_own_console(station):
    station_id, console, key = station
    # Without its key the station serves nothing.
    for path in ("/", "/?key=wrong"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(console + path, timeout=10)
        assert refused.value.code in (401, 403), path
    book_and_start(station_id)
    browser = make_tablet(800, 1280)
    try:
        browser.get(f"{console}/?key={key}")
        wait(browser, 30).until(lambda b: "Connected" in b.find_element(By.ID, "connection").text)
        wait(browser, 60).until(lambda b: b.find_element(By.ID, "state").text == "working")
        assert "Total Back" in browser.find_element(By.TAG_NAME, "h1").text
        assert "Table by the window" in browser.page_source
        assert not fits(browser), fits(browser)
        shot(browser, "18-station-console", full=False)
        # "That hurts" reaches the engine on the station: it answers on the console.
        before = browser.find_element(By.ID, "latest-message").text
        browser.find_element(By.ID, "that-hurts").click()
        wait(browser, 15).until(lambda b: b.find_element(By.ID, "latest-message").text not in ("", before))
        assert not fits(browser), fits(browser)
    finally:
        browser.quit()
