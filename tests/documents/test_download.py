from django.urls import reverse

from tests.factories import DocumentFactory
from tests.personas import World


def test_the_coordinator_downloads_a_document_of_their_room(
    client, world: World
) -> None:
    document = DocumentFactory(room_id_scope=world.room.pk)
    client.force_login(world.users["team_coordinator"])
    response = client.get(
        reverse("documents:download", kwargs={"document": document.uuid})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_volunteer_may_not_download_and_an_outsider_cannot_find_it(
    client, world: World
) -> None:
    document = DocumentFactory(room_id_scope=world.room.pk)
    url = reverse("documents:download", kwargs={"document": document.uuid})
    client.force_login(world.users["volunteer"])
    assert client.get(url).status_code == 403
    client.force_login(world.users["nobody"])
    assert client.get(url).status_code == 404
