"""A client's whole journey in a real browser: sign up, write a care plan on the body map, book
with BLOG and see $10 off, start the session, say "that hurts" and see the pressure drop and the
station's answer, take a break and resume, end, and read the report with the pain, plainly a
simulation's (a demo station's body suggests nothing for the client's care plan)."""

import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import URL, check_accessibility, mail_text, open_page, read_mail, shot, sign_up, submit_sign_up, wait


def text(browser, element_id):
    return browser.find_element(By.ID, element_id).text.strip()


def level(browser):
    value = text(browser, "level")
    return int(value) if value.isdigit() else None


def test_client_journey(browser):
    # Sign up.
    # Sign up: the form, then the link in the studio's e-mail (through a real SMTP server).
    address = sign_up(browser, "Robin Tester")
    shot(browser, "01-sign-up")
    seen = {submit_sign_up(browser, address)}
    assert "/care-plan" in browser.current_url

    # The care plan: regions picked on the body map, then marked in their fieldsets.
    browser.find_element(By.CSS_SELECTOR, '#care-map a[href="#region-lower-back"]').click()
    lower_back = browser.find_element(By.ID, "region-lower-back")
    assert "picked" in lower_back.get_attribute("class")
    lower_back.find_element(By.CSS_SELECTOR, 'input[name="mark-lower-back"][value="focus"]').click()
    browser.find_element(By.CSS_SELECTOR, '#care-map a[href="#region-shoulders"]').click()
    shoulders = browser.find_element(By.ID, "region-shoulders")
    Select(shoulders.find_element(By.ID, "side-shoulders")).select_by_value("left")
    shoulders.find_element(By.CSS_SELECTOR, 'input[name="tender-shoulders"]').click()
    # A sensitive region's marks are off until its consent is ticked.
    glutes = browser.find_element(By.ID, "region-glutes")
    assert not glutes.find_element(By.CSS_SELECTOR, 'input[name="tender-glutes"]').is_enabled()
    # The map follows the marks as they change.
    fill = browser.find_element(By.ID, "care-map-left-lower-back").get_attribute("fill")
    assert fill == "#5aae61", fill
    assert browser.find_element(By.ID, "care-map-left-shoulders").get_attribute("fill") == "#e4572e"
    assert browser.find_element(By.ID, "care-map-right-shoulders").get_attribute("fill") == "#efe6dc"
    Select(browser.find_element(By.ID, "level")).select_by_value("5")
    browser.find_element(By.CSS_SELECTOR, 'input[name="ifICry"][value="pause-and-offer-tissue"]').click()
    browser.find_element(By.CSS_SELECTOR, 'input[name="staffMayBeAlerted"]').click()
    shot(browser, "02-care-plan")
    browser.find_element(By.ID, "save-care-plan").click()
    saved = wait(browser).until(EC.presence_of_element_located((By.ID, "saved")))
    assert "version 1" in saved.text
    check_accessibility(browser)
    assert browser.find_element(By.CSS_SELECTOR, 'input[name="mark-lower-back"][value="focus"]').is_selected()
    assert browser.find_element(By.CSS_SELECTOR, 'input[name="tender-shoulders"]').is_selected()

    # The printable card says it in plain words.
    open_page(browser, "/care-plan/card")
    card = browser.find_element(By.CSS_SELECTOR, ".care-card").text
    assert "MASSAGE CARE CARD" in card and "lower back" in card and "Pause and offer me a tissue" in card
    shot(browser, "03-care-card")

    # Book with BLOG: the live quote takes $10 off before anything is booked.
    open_page(browser, "/book?program=total-back&minutes=30")
    code = browser.find_element(By.ID, "code")
    code.send_keys("BLOG")
    wait(browser).until(lambda b: "$10.00" in text(b, "quote-summary"))
    summary = text(browser, "quote-summary")
    assert re.search(r"- \$10\.00 \(BLOG\)", summary), summary
    shot(browser, "04-book")
    browser.find_element(By.CSS_SELECTOR, "#slots button.slot").click()
    # The review: price with the code and the policy, then one button.
    wait(browser).until(EC.presence_of_element_located((By.ID, "review")))
    assert "$10.00" in text(browser, "review-discount")
    assert "Cancel online until 24 hours" in text(browser, "review-policy")
    browser.find_element(By.ID, "confirm-booking").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "booked")))
    assert "$10.00" in text(browser, "booking-discount")
    check_accessibility(browser)
    shot(browser, "05-booking")
    # The confirmation e-mail, through the real SMTP server, carries the session's calendar file.
    name, booked = read_mail(address, seen)
    seen.add(name)
    assert booked["Subject"].startswith("Booked: Total Back"), booked["Subject"]
    assert "BLOG" in mail_text(booked)
    ics = next(part for part in booked.iter_attachments() if part.get_filename() == "session.ics")
    calendar = ics.get_content()
    calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
    assert "BEGIN:VEVENT" in calendar and "SEQUENCE:0" in calendar

    # Start the session from the booking: the day's health questions come first (kept with this
    # booking, never in the care plan), then the console.
    browser.find_element(By.ID, "start-session").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "today-form")))
    for field in ("fever", "acuteInfection", "painMedication", "muscleRelaxants"):
        browser.find_element(By.ID, f"{field}-no").click()
    check_accessibility(browser)
    shot(browser, "06a-today")
    browser.find_element(By.ID, "save-today").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "console")))
    wait(browser).until(lambda b: "Connected" in text(b, "connection"))
    # A little massage first (about 20 s of the plan), so the report has something to show.
    wait(browser, 60).until(
        lambda b: text(b, "state") == "working" and (level(b) or 0) >= 2 and text(b, "remaining") <= "29:40")
    before = level(browser)
    check_accessibility(browser)
    shot(browser, "06-console", full=False)

    # "That hurts": the pressure drops and the station says so.
    browser.find_element(By.ID, "that-hurts").click()
    # (The earlier messages make way for a check-in question while one is open: read them whole.)
    said = lambda b: b.find_element(By.ID, "messages").get_attribute("textContent")
    wait(browser, 20).until(lambda b: "Easing off" in said(b))
    wait(browser, 30).until(lambda b: level(b) is not None and level(b) < before)
    assert "Easing off" in said(browser)
    shot(browser, "07-console-that-hurts", full=False)

    # A break, then resume.
    browser.find_element(By.ID, "take-break").click()
    wait(browser).until(lambda b: text(b, "state") == "On a break")
    shot(browser, "08-console-break", full=False)
    browser.find_element(By.ID, "resume").click()
    wait(browser).until(lambda b: text(b, "state") in ("working", "checking in"))

    # End, and the report.
    browser.find_element(By.ID, "end").click()
    browser.find_element(By.ID, "end-yes").click()
    wait(browser, 30).until(EC.visibility_of_element_located((By.ID, "open-report")))
    shot(browser, "09-console-ended", full=False)
    browser.find_element(By.ID, "open-report").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "moments")))
    moments = text(browser, "moments")
    assert "You said it hurt" in moments, moments
    assert "You took a break" in moments, moments
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline .moment-pain")
    assert browser.find_elements(By.CSS_SELECTOR, "#heat-map .spot-tender"), "the learned tender spot is on the heat map"
    simulated = text(browser, "simulated")
    assert "ran on a simulated arm and body" in simulated, simulated
    # What a simulated body showed is never offered as a change to the client's care plan.
    assert not browser.find_elements(By.ID, "learned")
    assert not browser.find_elements(By.CSS_SELECTOR, 'button[aria-label^="Accept:"]')
    check_accessibility(browser)
    shot(browser, "10-report")
    open_page(browser, "/care-plan")
    assert "Tender spot on your" not in browser.find_element(By.ID, "care-plan-form").text


def test_a_visitor_books_from_the_front_page(browser):
    """Programs, prices and free times before any account; signing up at the review keeps the
    choice (the e-mail's link comes back to it); then the booking and its e-mail."""
    open_page(browser, "/")
    programs = text(browser, "programs")
    assert "Total Back" in programs and "$" in programs, programs
    assert "Cancel online until 24 hours" in text(browser, "policy")
    shot(browser, "00-front-page")
    first = browser.find_element(By.CSS_SELECTOR, "#next-times a.slot")
    when = first.text
    first.click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "review")))
    assert when in text(browser, "review-when"), (when, text(browser, "review-when"))
    shot(browser, "04b-review-visitor")
    address = f"visitor-{uuid.uuid4().hex[:8]}@example.com"
    browser.find_element(By.ID, "name").send_keys("Vera Visitor")
    browser.find_element(By.ID, "email").send_keys(address)
    browser.find_element(By.ID, "password").send_keys("a long and calm password")
    browser.find_element(By.ID, "sign-up-to-book").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "sign-up-sent")))
    check_accessibility(browser)
    name, message = read_mail(address)
    link = next(word for word in mail_text(message).split() if "/sign-up/confirm?token=" in word)
    assert "next=" in link, link
    browser.get(URL + link[link.index("/sign-up/confirm"):])
    check_accessibility(browser)
    browser.find_element(By.ID, "finish-sign-up").click()
    # Back at the same review, signed in now.
    wait(browser).until(EC.presence_of_element_located((By.ID, "confirm-booking")))
    assert when in text(browser, "review-when")
    check_accessibility(browser)
    browser.find_element(By.ID, "confirm-booking").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "booked")))
    _, booked = read_mail(address, {name})
    assert booked["Subject"].startswith("Booked: "), booked["Subject"]
