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
from selenium.webdriver.support import expected_conditions as EC

from conftest import URL, mail_text, make_browser, make_tablet, open_page, read_mail, shot, sign_in, wait
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
        # The console answers once the station is up (a 403 without the key is an answer).
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/?key={key}", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the station's console never answered"
                time.sleep(0.2)
        yield made["id"], f"http://127.0.0.1:{port}", key
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def book(station_id):
    """A new client with the default care plan books Total back on the station: their email and
    the booking's id."""
    email = f"tia-{uuid.uuid4().hex[:8]}@example.com"
    api("POST", "/api/accounts", body={"name": "Tia Table", "email": email, "password": "a long and calm password"})
    _, message = read_mail(email)
    token = mail_text(message).split("/sign-up/confirm?token=")[1].split()[0]
    client = api("POST", "/api/accounts/confirm", body={"token": token})["token"]
    api("PUT", "/api/me/care-plan", client, {"schemaVersion": 1})
    booking = api("POST", "/api/bookings", client, {
        "program": "total-back", "minutes": 30, "start": "2026-11-23T09:00", "stationId": station_id})["id"]
    # The day's health questions, answered before the session as the client does.
    api("PUT", f"/api/bookings/{booking}/today", client,
        {"fever": False, "acuteInfection": False, "painMedication": False, "muscleRelaxants": False})
    return email, booking


def start(browser, email, booking):
    """The client starts the session from the booking's page, as at the studio's desk, once the
    station has linked (until then the page says it is not connected)."""
    sign_in(browser, email, "a long and calm password")
    deadline = time.monotonic() + 30
    while "/console/" not in browser.current_url:
        assert time.monotonic() < deadline, "the session never started: " + browser.find_element(By.TAG_NAME, "main").text[:300]
        open_page(browser, f"/bookings/{booking}")
        buttons = browser.find_elements(By.ID, "start-session")
        # A start whose answer the reload overtook: the session runs, and its page says how back.
        rejoin = browser.find_elements(By.CSS_SELECTOR, "a.rejoin-link")
        if buttons:
            buttons[0].click()
            wait(browser).until(EC.url_changes(URL + f"/bookings/{booking}"))
        elif rejoin:
            rejoin[0].click()
            wait(browser).until(lambda b: "/console/" in b.current_url)
        else:
            time.sleep(0.3)


def test_the_station_serves_its_own_console(station):
    station_id, console, key = station
    # Without its key the station serves nothing.
    for path in ("/", "/?key=wrong"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(console + path, timeout=10)
        assert refused.value.code in (401, 403), path
    email, booking = book(station_id)
    desk = make_browser()
    browser = make_tablet(800, 1280)
    try:
        start(desk, email, booking)
        browser.get(f"{console}/?key={key}")
        wait(browser, 30).until(lambda b: "Connected" in b.find_element(By.ID, "connection").text)
        wait(browser, 60).until(lambda b: b.find_element(By.ID, "state").text == "working")
        assert "Total Back" in browser.find_element(By.TAG_NAME, "h1").text
        assert "Table by the window" in browser.page_source
        assert not fits(browser), fits(browser)
        shot(browser, "18-station-console", full=False)
        # "That hurts" reaches the engine on the station: it eases off and asks (its check-in on
        # the console), or says so.
        before = browser.find_element(By.ID, "latest-message").text
        browser.find_element(By.ID, "that-hurts").click()
        wait(browser, 15).until(lambda b: b.find_element(By.ID, "check-in").is_displayed()
                                or b.find_element(By.ID, "latest-message").text not in ("", before))
        shot(browser, "18-station-console-that-hurts", full=False)
        assert not fits(browser), fits(browser)
    finally:
        browser.quit()
        desk.quit()
