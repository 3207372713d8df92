"""Shared set-up of the browser tests: a headless chromium per test, the server's address, and
screenshots of every page (named by the test) in UNKNOT_SCREENSHOTS."""

import email
import email.policy
import json
import re
import glob
import os
import time
import uuid

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ.get("UNKNOT_URL", "http://127.0.0.1:8080")
SHOTS = os.environ.get("UNKNOT_SCREENSHOTS", ".build/screenshots")


def make_browser(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("UNKNOT_CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={width},{height}", "--lang=en-GB", "--force-color-profile=srgb"):
        options.add_argument(flag)
    service = Service(os.environ.get("UNKNOT_CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(30)
    # axe-core 3.1 (as axe-selenium-python ships it) compiles templates at run time, which the
    # studio's Content-Security-Policy forbids its own pages; the test browser lets the checker
    # past it (the pages themselves are served and run under the policy unchanged).
    browser.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    return browser


def make_tablet(width, height):
    """A browser whose page is exactly `width` x `height` CSS pixels, as on a tablet (a headless
    window's size includes room for browser chrome a tablet's kiosk does not have)."""
    b = make_browser(width, height + 200)
    b.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return b


@pytest.fixture
def browser():
    b = make_browser()
    yield b
    b.quit()


@pytest.fixture
def tablet():
    """A 768 px wide tablet in portrait, the narrowest screen the pages are made for."""
    b = make_browser(768, 1024)
    yield b
    b.quit()


# axe-core (shipped inside axe-selenium-python: axe-core 3.1, which knows the WCAG 2.0 A and AA
# rules; its tags for 2.1 came later) runs on every page the suite opens or photographs, and a
# page must have no violation (issue #18).
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
CHECKED = []
FOUND = []
FOUND_EVER = []
AXE_VERSION = "3.1"


def check_accessibility(browser):
    """Runs axe-core on the page as it is now; fails with axe's report when any A/AA rule is broken."""
    wait(browser).until(lambda b: b.execute_script("return document.readyState") == "complete")
    axe = Axe(browser)
    axe.inject()
    # axe.run with a callback (the package's own run() waits on a promise this axe never settles
    # when it is given options alone).
    results = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        f"axe.run(document, {AXE_OPTIONS}, function (error, results) {{"
        "  done(error ? {error: String(error)} : results); });")
    assert "error" not in results, f"axe-core did not run: {results.get('error')}"
    violations = results.get("violations", [])
    path = browser.current_url.replace(URL, "") or "/"
    CHECKED.append(path)
    if violations:
        FOUND.append(f"{path}: " + axe.report(violations))
        FOUND_EVER.append(path)


@pytest.fixture(autouse=True)
def accessible_pages():
    """Every page a test checked had no WCAG A/AA violation: all of them are reported at once,
    after the test, so one run shows every page to fix."""
    FOUND.clear()
    yield
    found = list(FOUND)
    FOUND.clear()
    assert not found, "\n\n".join(found)


def open_page(browser, path, check=True):
    """Opens a page of the studio and checks it with axe-core (`check=False` for a page still loading its parts)."""
    browser.get(URL + path)
    if check:
        check_accessibility(browser)


def pytest_terminal_summary(terminalreporter):
    if CHECKED:
        pages = sorted({re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", ":id", p.split("?")[0]) for p in CHECKED})
        terminalreporter.write_line(
            f"axe-core {AXE_VERSION} (WCAG 2.0 A and AA): {len(CHECKED)} checks of {len(pages)} pages, "
            + f"{len(FOUND_EVER)} with violations: " + ", ".join(pages))


def wait(browser, seconds=15):
    """Waits for a condition; live pages replace parts of themselves, so a stale element only
    means "look again"."""
    return WebDriverWait(browser, seconds, poll_frequency=0.2,
                         ignored_exceptions=[StaleElementReferenceException, NoSuchElementException])


def shot(browser, name, full=True):
    """Checks the page with axe-core, then saves a screenshot; full pages are captured whole by
    resizing to their height."""
    check_accessibility(browser)
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, f"{name}.png")
    if full:
        browser.execute_script("window.scrollTo(0, 0)")
        size = browser.get_window_size()
        height = browser.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        browser.set_window_size(size["width"], min(max(height, size["height"]), 4000))
        browser.save_screenshot(path)
        browser.set_window_size(size["width"], size["height"])
    else:
        browser.save_screenshot(path)
    return path


def sign_up(browser, name="Robin Tester"):
    email = f"robin-{uuid.uuid4().hex[:8]}@example.com"
    open_page(browser, "/sign-up")
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys("a long and calm password")
    return email


def read_mail(to, seen=(), seconds=30):
    """The first message to `to` the studio sent through the test's SMTP server (aiosmtpd,
    writing each to $UNKNOT_MAIL_FOLDER) that is not in `seen`: (file name, parsed message)."""
    folder = os.environ["UNKNOT_MAIL_FOLDER"]
    deadline = time.monotonic() + seconds
    while True:
        for path in sorted(glob.glob(os.path.join(folder, "*.eml"))):
            name = os.path.basename(path)
            if name.endswith(f"-{to}.eml") and name not in seen:
                with open(path, "rb") as file:
                    return name, email.message_from_binary_file(file, policy=email.policy.default)
        assert time.monotonic() < deadline, f"no mail to {to} within {seconds} s"
        time.sleep(0.2)


def mail_text(message):
    """The plain-text part of a message, decoded."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def submit_sign_up(browser, address):
    """Sends the sign-up form, then finishes as a person does: the studio's e-mail (read from the
    local SMTP server), its link, the button; the browser ends on the care plan."""
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "sign-up-sent")))
    check_accessibility(browser)
    name, message = read_mail(address)
    assert message["Subject"] == "Finish signing up at Unknot studio", message["Subject"]
    link = next(word for word in mail_text(message).split() if "/sign-up/confirm?token=" in word)
    browser.get(URL + link[link.index("/sign-up/confirm"):])
    assert address in browser.find_element(By.ID, "confirm-email").text
    check_accessibility(browser)
    browser.find_element(By.ID, "finish-sign-up").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "care-plan-form")))
    check_accessibility(browser)
    return name


def sign_in(browser, email, password):
    open_page(browser, "/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(browser).until(EC.url_changes(URL + "/sign-in"))


def answer_all_well(browser):
    """On the day's questions (before a demo or a session): "no" to each, then on."""
    wait(browser).until(EC.presence_of_element_located((By.ID, "today-form")))
    for field in ("fever", "acuteInfection", "painMedication", "muscleRelaxants"):
        browser.find_element(By.ID, f"{field}-no").click()
    browser.find_element(By.ID, "save-today").click()


def start_demo(browser, name):
    """A new client with the default care plan starts a demo (the day's questions first) and waits
    for the arm to work."""
    submit_sign_up(browser, sign_up(browser, name))
    open_page(browser, "/")
    browser.find_element(By.ID, "start-demo").click()
    # The click navigates: axe goes into the day's questions only once they are the page (checking
    # at once raced the navigation — axe injected into the page being left, then "axe is not defined").
    wait(browser).until(EC.presence_of_element_located((By.ID, "today-form")))
    check_accessibility(browser)
    answer_all_well(browser)
    wait(browser).until(lambda b: "Connected" in b.find_element(By.ID, "connection").text)
    wait(browser, 30).until(lambda b: b.find_element(By.ID, "state").text == "working")
