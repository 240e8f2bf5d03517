import datetime
import io

from django.core import mail
from django.core.management import call_command

from buurtwerkkamer.accounts.reminders import send_deadline_reminders
from tests.factories import FundingApplicationFactory
from tests.personas import World


def test_those_who_follow_a_decision_get_one_reminder_mail(world: World) -> None:
    FundingApplicationFactory(
        room=world.room,
        submitted=True,
        title="Fonds Buurt",
        decision_expected_on=datetime.date(2026, 12, 10),
    )
    sent = send_deadline_reminders.call(day="2026-12-03")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert sent == len(recipients) == 6
    assert "volunteer@example.nl" not in recipients
    assert "partner@example.nl" not in recipients
    assert "Fonds Buurt" in mail.outbox[0].body
    assert "10 december 2026" in mail.outbox[0].body


def test_a_deadline_beyond_the_horizon_sends_nothing(world: World) -> None:
    FundingApplicationFactory(
        room=world.room, submitted=True, decision_expected_on=datetime.date(2027, 3, 1)
    )
    assert send_deadline_reminders.call(day="2026-12-03") == 0
    assert mail.outbox == []


def test_the_daily_command_runs_the_task(world: World) -> None:
    FundingApplicationFactory(
        room=world.room, submitted=True, decision_expected_on=datetime.date(2026, 12, 4)
    )
    call_command("send_reminders", day="2026-12-03", stdout=io.StringIO())
    assert len(mail.outbox) == 6
