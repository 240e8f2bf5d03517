"""The meeting pages answer every role as the policy prescribes, at home and in
another room: the walk of tests/access, over this app's pages alone."""

import pytest

from tests.access.test_every_url import expected, fill, project_views, samples
from tests.personas import ROLES, World


@pytest.mark.parametrize("role", [*ROLES, "nobody"])
@pytest.mark.parametrize("where", ["home", "elsewhere"])
def test_meeting_urls_answer_as_the_policy_prescribes(
    client, world: World, role: str, where: str
) -> None:
    room = world.room if where == "home" else world.other_room
    values = samples(world, room)
    user = world.users[role]
    client.force_login(user)
    checked = 0
    for _name, pattern, view in project_views():
        if not pattern.startswith("overleggen/"):
            continue
        url, kwargs = fill(pattern, values)
        want = expected(view.guard, user, kwargs)
        user.__dict__.pop("_bwk_roles", None)
        got = client.get(url).status_code
        if want == 200:
            assert got in (200, 405), f"{role} {url}: {got}, expected success"
        else:
            assert got == want, f"{role} {url}: {got}, expected {want}"
        checked += 1
    assert checked == 12
