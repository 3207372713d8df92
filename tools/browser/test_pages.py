"""The pages a suite of journeys does not pass through, each checked by axe-core (WCAG 2.0 A and
AA) and for what a person needs on it: a booking's cancel question and move page, a refused
care-plan form with its problems at their fields, the password pages, a mistyped address."""

import os
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import (
    check_accessibility, mail_text, make_browser, open_page, read_mail, shot, sign_in, sign_up, submit_sign_up, wait)


def test_the_other_pages_are_accessible_and_say_what_to_do(browser):
    submit_sign_up(browser, sign_up(browser, "Pat Pages"))
    # A care plan with a date that is not a date: the problem at its field, its section open, the value kept.
    open_page(browser, "/care-plan", check=False)
    region = browser.find_element(By.ID, "region-calves")
    summary = region.find_element(By.CSS_SELECTOR, "details summary")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    field = browser.find_element(By.ID, "surgery-calves")
    field.send_keys("31-02-2026")
    browser.find_element(By.ID, "save-care-plan").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "surgery-calves-error")))
    assert browser.find_element(By.ID, "surgery-calves").get_attribute("value") == "31-02-2026"
    assert browser.find_element(By.ID, "surgery-calves").is_displayed(), "its section is open"
    assert browser.switch_to.active_element.get_attribute("id") == "problems", "the problems take the focus"
    shot(browser, "20-care-plan-problem", full=False)

    # Book a time two days on (the server's clock is Monday 23 November; cancelling closes 24 hours
    # before), then the question before cancelling, and the move page.
    open_page(browser, "/book?program=total-back&minutes=30&date=2026-11-25")
    browser.find_element(By.CSS_SELECTOR, "#slots button.slot").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "confirm-booking")))
    browser.find_element(By.ID, "confirm-booking").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "booked")))
    booking = browser.current_url.split("/bookings/")[1].split("?")[0]
    open_page(browser, f"/bookings/{booking}/move")
    open_page(browser, f"/bookings/{booking}/cancel")
    assert "Cancel this booking?" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.ID, "confirm-cancel").click()
    wait(browser).until(lambda b: "cancelled=1" in b.current_url)
    assert browser.find_element(By.ID, "cancelled-bookings")

    # A mistyped address is a page that says so, not JSON.
    open_page(browser, "/bookingz")
    assert "There is no such page" in browser.find_element(By.TAG_NAME, "h1").text

    # Signed out: the password pages.
    browser.delete_all_cookies()
    open_page(browser, "/forgot-password")
    open_page(browser, "/reset-password?token=not-a-token")
    open_page(browser, "/sign-in")

    # Staff: the question before ending a session appears only with one running; the floor itself.
    staff = make_browser()
    try:
        sign_in(staff, os.environ["UNKNOT_STAFF_EMAIL"], os.environ["UNKNOT_STAFF_PASSWORD"])
        open_page(staff, "/staff")
    finally:
        staff.quit()


def test_the_admin_changes_a_price_and_a_code(browser):
    """The admin's page: the 90-minute price and a new code, then a client's quote shows both."""
    sign_in(browser, "admin@unknot.local", os.environ["UNKNOT_ADMIN_PASSWORD"])
    open_page(browser, "/admin")
    price = browser.find_element(By.ID, "price-90")
    price.clear()
    price.send_keys("129.00")
    browser.find_element(By.ID, "save-prices").click()
    # (The saved page replaces the form: read it once it is there; a stale element means "look again".)
    wait(browser).until(lambda b: b.find_element(By.ID, "price-90").get_attribute("value") == "129.00"
                        and b.find_elements(By.ID, "admin-saved"))
    browser.find_element(By.ID, "new-code-name").send_keys("WINTER")
    browser.find_element(By.ID, "new-code-amount").send_keys("7.50")
    browser.find_element(By.ID, "create-code").click()
    wait(browser).until(lambda b: "WINTER" in b.find_element(By.ID, "promo-codes").text)
    shot(browser, "21-admin")
    # Staff are invited by e-mail; a station's credential is shown once; the e-mail the studio sent.
    open_page(browser, "/admin/staff")
    browser.find_element(By.ID, "invite-name").send_keys("Ivo Invited")
    address = f"ivo-{uuid.uuid4().hex[:8]}@example.com"
    browser.find_element(By.ID, "invite-email").send_keys(address)
    browser.find_element(By.ID, "send-invitation").click()
    wait(browser).until(lambda b: "Ivo Invited is invited" in b.find_element(By.ID, "saved").text)
    assert "Ivo Invited" in browser.find_element(By.ID, "staff-list").text
    check_accessibility(browser)
    shot(browser, "25-admin-staff")
    _, invitation = read_mail(address)
    assert "/reset-password?token=" in mail_text(invitation)
    open_page(browser, "/admin/stations/1/credentials")
    browser.find_element(By.ID, "credential-label").send_keys("front desk PC")
    browser.find_element(By.ID, "issue").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "token")))
    check_accessibility(browser)
    open_page(browser, "/admin/mail")
    assert address in browser.find_element(By.ID, "outbox").text
    open_page(browser, "/admin/promo-codes/BLOG")
    # A visitor's quote for 90 minutes with the new code.
    browser.delete_all_cookies()
    open_page(browser, "/book?program=total-back&minutes=90&code=winter")
    summary = browser.find_element(By.ID, "quote").text
    assert "$129.00" in summary and "$7.50" in summary, summary
