from auditlog.models import LogEntry
from django.urls import reverse

from buurtwerkkamer.startup.services import advance
from tests.personas import World


def test_a_change_through_a_page_is_kept_with_who_and_what(
    client, world: World
) -> None:
    client.force_login(world.users["board"])
    client.post(
        reverse("rooms:edit", kwargs={"room": world.room.slug}),
        {
            "name": "Kamer Thuis",
            "slug": "thuis",
            "neighbourhood": "Kanaleneiland",
            "municipality": "Utrecht",
        },
    )
    entry = LogEntry.objects.get_for_object(world.room).latest("timestamp")
    assert entry.actor == world.users["board"]
    assert entry.changes_dict["neighbourhood"] == ["Overvecht", "Kanaleneiland"]


def test_a_stage_change_record_is_kept_in_the_audit_trail(world: World) -> None:
    world.room.stage = "exploring"
    world.room.save()
    change = advance(world.room, world.users["board"], reason="Besluit bestuur")
    assert LogEntry.objects.get_for_object(change).filter(action=LogEntry.Action.CREATE)
