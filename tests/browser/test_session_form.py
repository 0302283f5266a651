"""A session's content blocks in the admin, and the review queue at 1280 px."""

import pytest
from playwright.sync_api import expect

from conference.models import ReviewStatus
from conference.staff_groups import EDITOR_GROUP
from sessions_app.models import ContentBlock
from tests.browser.test_admin_journey import log_in, staff_user  # noqa: F401
from tests.factories.conference import KeyFigureFactory
from tests.factories.sessions import ContentBlockFactory, SessionFactory

Kind = ContentBlock.Kind


def _session_with_blocks():
    session = SessionFactory(title="Unga till arbete")
    first = ContentBlockFactory(session=session, order=1, text="Första stycket.")
    listed = ContentBlockFactory(
        session=session, order=2, kind=Kind.BULLET_LIST, text="", items=["Ett", "Två"]
    )
    last = ContentBlockFactory(session=session, order=3, text="Sista stycket.")
    return session, first, listed, last


def _open_change_form(page, live_server, session):
    page.goto(f"{live_server.url}/admin/sessions_app/session/{session.pk}/change/")


@pytest.mark.django_db(transaction=True)
def test_block_shows_the_fields_of_its_kind_only(live_server, page, staff_user):  # noqa: F811
    staff_user("redaktor", EDITOR_GROUP)
    session, _first, listed, _last = _session_with_blocks()
    log_in(page, live_server.url, "redaktor")
    _open_change_form(page, live_server, session)
    block = page.locator("#blocks-1")

    summary = block.locator("summary")
    expect(summary).to_have_text("Punktlista: Ett · Två")
    expect(block.locator(".field-items")).to_be_hidden()
    summary.click()
    expect(block.locator(".field-items")).to_be_visible()
    expect(block.locator(".field-text")).to_be_hidden()
    expect(block.locator(".field-person")).to_be_hidden()
    block.locator("select[name=blocks-1-kind]").select_option(Kind.QUOTE)

    expect(block.locator(".field-items")).to_be_hidden()
    expect(block.locator(".field-text")).to_be_visible()
    expect(block.locator(".field-person")).to_be_visible()
    expect(summary).to_have_text("Citat: Ett · Två")
    assert page.console_errors == []
    assert page.csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_added_block_goes_last_and_is_saved(live_server, page, staff_user):  # noqa: F811
    staff_user("redaktor", EDITOR_GROUP)
    session, *_blocks = _session_with_blocks()
    log_in(page, live_server.url, "redaktor")
    _open_change_form(page, live_server, session)

    page.get_by_role("button", name="Lägg till ytterligare Innehållsblock").click()
    added = page.locator("#blocks-3")
    added.locator("select[name=blocks-3-kind]").select_option(Kind.NUMBERED_LIST)
    added.locator("textarea[name=blocks-3-items]").fill("Kartlägg\nMatcha")

    expect(added.locator("summary")).to_have_text("Numrerad lista: Kartlägg · Matcha")
    expect(added.locator(".field-text")).to_be_hidden()
    assert added.locator("input[name=blocks-3-order]").input_value() == "4"
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ändrade programpunkt")
    last = session.blocks.order_by("order").last()
    assert (last.order, last.kind, last.items) == (
        4,
        Kind.NUMBERED_LIST,
        ["Kartlägg", "Matcha"],
    )
    assert page.console_errors == []


def _saved_order(session):
    return list(session.blocks.order_by("order").values_list("text", flat=True))


@pytest.mark.django_db(transaction=True)
def test_keyboard_moves_a_block_and_saving_keeps_the_order(
    live_server,
    page,
    staff_user,  # noqa: F811
):
    staff_user("redaktor", EDITOR_GROUP)
    session, *_blocks = _session_with_blocks()
    log_in(page, live_server.url, "redaktor")
    _open_change_form(page, live_server, session)

    page.locator("#blocks-2 .content-block-handle").press("ArrowUp")
    page.locator("#blocks-2 .content-block-handle").press("ArrowUp")

    expect(page.locator(".content-blocks-status")).to_have_text(
        "Blocket ”Stycke: Sista stycket.” är nu nummer 1 av 3."
    )
    assert page.locator("#blocks-2 input[name=blocks-2-order]").input_value() == "1"
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ändrade programpunkt")
    assert _saved_order(session) == ["Sista stycket.", "Första stycket.", ""]
    assert page.console_errors == []


@pytest.mark.django_db(transaction=True)
def test_drag_and_drop_moves_a_block(live_server, page, staff_user):  # noqa: F811
    staff_user("redaktor", EDITOR_GROUP)
    session, *_blocks = _session_with_blocks()
    log_in(page, live_server.url, "redaktor")
    _open_change_form(page, live_server, session)

    page.locator("#blocks-0 .content-block-handle").drag_to(
        page.locator("#blocks-2 summary"), target_position={"x": 20, "y": 30}
    )

    expect(page.locator(".content-blocks-status")).to_contain_text("nummer 3 av 3")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ändrade programpunkt")
    assert _saved_order(session) == ["", "Sista stycket.", "Första stycket."]


FLAGS = [
    "speaker_unmatched: Talaren ”Anna-Karin Lindqvist Johansson, utvecklingsledare” "
    "kunde inte kopplas till någon person",
    "no_period: Inget år i meningen eller dess sammanhang",
]


def _flagged_session(number):
    return SessionFactory(
        title=f"Kompetensförsörjning i kommunerna, del {number} av en lång serie",
        review_status=ReviewStatus.NEEDS_REVIEW,
        flags=FLAGS,
    )


def _flagged_key_figure(number):
    return KeyFigureFactory(
        label=f"Andel av de unga vuxna som gick vidare till arbete eller studier {number}",
        review_status=ReviewStatus.NEEDS_REVIEW,
        flags=FLAGS,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("changelist", "create"),
    [
        ("sessions_app/session", _flagged_session),
        ("conference/keyfigure", _flagged_key_figure),
    ],
)
def test_review_reasons_fit_a_1280_pixel_screen(
    live_server,
    page,
    staff_user,  # noqa: F811
    changelist,
    create,
):
    staff_user("redaktor", EDITOR_GROUP)
    for number in range(3):
        create(number)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server.url, "redaktor")

    page.goto(
        f"{live_server.url}/admin/{changelist}/"
        f"?review_status__exact={ReviewStatus.NEEDS_REVIEW}"
    )

    reasons = page.locator("td.field-review_reasons").first
    expect(reasons).to_contain_text("kunde inte kopplas")
    box = reasons.bounding_box()
    results = page.locator("#changelist-form .results")
    scrollable = results.evaluate(
        "element => element.scrollWidth > element.clientWidth"
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert (width, scrollable, box["x"] + box["width"] <= 1280) == (1280, False, True)
