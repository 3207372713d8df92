"""A session for two as people live it: a client chooses "two of us", books two stations side by side
and gives the partner's address; the partner gets the invitation (through the real SMTP server),
opens its link without an account, signs up from it, comes back to it and takes the seat, with
their own care plan; the booker is told."""

import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import URL, check_accessibility, mail_text, open_page, read_mail, shot, sign_in, sign_up, submit_sign_up, wait

DAY = "2026-11-27"  # a Friday no other browser test books
TIME = "11:00"


def link_in(message, path):
    word = next(word for word in mail_text(message).split() if path in word)
    return word[word.index(path):]


def test_two_people_side_by_side(browser):
    booker = sign_up(browser, "Cody Booker")
    booker_signed_up = submit_sign_up(browser, booker)
    open_page(browser, f"/book?program=total-back&minutes=30&date={DAY}")
    browser.find_element(By.ID, "people-two").click()  # the page shows the times for two at once
    wait(browser).until(EC.url_contains("people=2"))
    slot = browser.find_element(By.CSS_SELECTOR, f"button.slot[value='{DAY}T{TIME}']")
    assert "stations" in slot.text or "pairs" in slot.text, slot.text
    slot.click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "partnerEmail")))
    assert "for two" in browser.find_element(By.CSS_SELECTOR, "#review h2").text
    partner = f"partner-{uuid.uuid4().hex[:8]}@example.com"
    browser.find_element(By.ID, "partnerEmail").send_keys(partner)
    check_accessibility(browser)
    shot(browser, "26-couples-review")
    browser.find_element(By.ID, "confirm-booking").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "booked")))
    assert f"kept for {partner}" in browser.find_element(By.ID, "couple-text").text
    check_accessibility(browser)
    booking = browser.current_url.split("?")[0]

    # The partner: the invitation's link, no account yet.
    invitation_name, invitation = read_mail(partner)
    assert invitation["Subject"].startswith("Cody Booker invites you: Total Back"), invitation["Subject"]
    browser.delete_all_cookies()
    browser.get(URL + link_in(invitation, "/join?token="))
    wait(browser).until(EC.presence_of_element_located((By.ID, "join-invitation")))
    assert "Cody Booker" in browser.find_element(By.ID, "join-invitation").text
    check_accessibility(browser)
    shot(browser, "27-couples-invitation")
    browser.find_element(By.ID, "name").send_keys("Pat Partner")
    browser.find_element(By.ID, "email").send_keys(partner)
    browser.find_element(By.ID, "password").send_keys("a long and calm password")
    browser.find_element(By.ID, "sign-up-to-join").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "sign-up-sent")))
    sign_up_name, confirm = read_mail(partner, {invitation_name})
    browser.get(URL + link_in(confirm, "/sign-up/confirm"))
    browser.find_element(By.ID, "finish-sign-up").click()
    # Back at the invitation, signed in: one button takes the seat.
    wait(browser).until(EC.presence_of_element_located((By.ID, "take-seat"))).click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "joined")))
    assert "booked by Cody Booker" in browser.find_element(By.ID, "couple-text").text
    check_accessibility(browser)
    _, booked = read_mail(partner, {invitation_name, sign_up_name})
    assert booked["Subject"].startswith("Booked: Total Back"), booked["Subject"]

    # The booker hears of it, and their booking names who sits beside them.
    confirmed_name, confirmed = read_mail(booker, {booker_signed_up})
    assert confirmed["Subject"].startswith("Booked: Total Back"), confirmed["Subject"]
    _, news = read_mail(booker, {booker_signed_up, confirmed_name})
    assert news["Subject"].startswith("Pat Partner joins you"), news["Subject"]
    browser.delete_all_cookies()
    sign_in(browser, booker, "a long and calm password")
    open_page(browser, booking[len(URL):])
    assert "Pat Partner beside you" in browser.find_element(By.ID, "couple-text").text
