"""Every role logs in and finds its dashboard, with the rooms it may see."""

import pytest
from django.urls import reverse

from buurtwerkkamer.rooms.models import Room
from tests.factories import PASSWORD
from tests.personas import ROLES, World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# DESIGN.md section 2: the board and those who check the money read every room; the
# others see their own room, or the rooms their organisation is party to.
READS_EVERY_ROOM = {"board", "treasurer", "audit_committee", "accountant"}


def rooms_panel(person: Visitor) -> list[str]:
    """The rooms the panel links to; other links there (to the list) don't count."""
    panel = person.main(f'section[aria-label="{dutch("Your rooms")}"]')
    links = panel.locator("a").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])"
    )
    room_urls = {room.get_absolute_url() for room in Room.objects.all()}
    return [text for href, text in links if href in room_urls]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_dashboard_with_the_rooms_it_may_see(
    visitor: MakeVisitor, world: World, role: str
) -> None:
    person = visitor()

    person.log_in(world.users[role].email, PASSWORD)

    assert person.page.url == person.base_url + reverse("core:dashboard")
    expected = ["Kamer Thuis"]
    if role in READS_EVERY_ROOM:
        expected = ["Kamer Elders", "Kamer Thuis"]
    assert rooms_panel(person) == expected
    home = person.main(f'a[href="{world.room.get_absolute_url()}"]')
    assert home.inner_text() == "Kamer Thuis"
