"""The profile use cases: who may see and change what, and bad input that changes nothing."""

import io

import pytest
from PIL import Image

from domain.errors import InvalidInput, NotAllowed
from domain.profile import changes, reading
from domain.profile.reading import EmergencyContactDetails
from domain.vocabulary import GeocodeStatus
from storage import db
from storage.models import Client, MediaFile
from tests.support.personas import Personas


def client_row(client_id: int) -> Client:
    with db.read() as session:
        return session.get(Client, client_id)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 200), (10, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


def test_a_client_reads_their_own_profile(personas: Personas) -> None:
    details = reading.get_profile(personas.client, personas.client.client_id)
    assert details.full_name == "Margaret Wilson"
    assert details.packages[0].program == "Home Care Package"
    assert details.emergency_contacts


def test_a_client_cannot_read_or_change_another_clients_profile(personas: Personas) -> None:
    george = personas.other_client.client_id
    before = client_row(george)
    with pytest.raises(NotAllowed):
        reading.get_profile(personas.client, george)
    with pytest.raises(NotAllowed):
        changes.update_contact(personas.client, george, home_phone="", mobile_phone="0491 570 110", email="")
    with pytest.raises(NotAllowed):
        reading.photo(personas.client, george)
    with pytest.raises(NotAllowed):
        changes.set_photo(personas.client, george, jpeg())
    assert client_row(george).mobile_phone == before.mobile_phone


def test_a_carer_reaches_their_linked_clients_only(personas: Personas) -> None:
    assert len(personas.carer.client_ids) == 2
    for client_id in personas.carer.client_ids:
        assert reading.get_profile(personas.carer, client_id).full_name.endswith("Nguyễn")
    with pytest.raises(NotAllowed):
        reading.get_profile(personas.carer, personas.client.client_id)


def test_a_support_worker_cannot_open_client_profiles(personas: Personas) -> None:
    with pytest.raises(NotAllowed):
        reading.get_profile(personas.worker, personas.client.client_id)


def test_staff_may_open_any_profile(personas: Personas) -> None:
    assert reading.get_profile(personas.roster, personas.client.client_id).full_name == "Margaret Wilson"


def test_contact_details_are_saved_tidied(personas: Personas) -> None:
    margaret = personas.client.client_id
    saved = changes.update_contact(
        personas.client,
        margaret,
        home_phone="(02) 5550 1234",
        mobile_phone="0491570110",
        email="Margaret@Example.com",
    )
    assert saved.mobile_phone == "0491 570 110"
    assert client_row(margaret).mobile_phone == "+61491570110"
    assert client_row(margaret).email == "Margaret@example.com"


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("mobile_phone", {"mobile_phone": "12345"}),
        ("home_phone", {"home_phone": "02 555"}),
        ("email", {"email": "margaret@"}),
        ("mobile_phone", {"mobile_phone": "", "home_phone": ""}),
    ],
)
def test_bad_contact_details_are_refused_and_change_nothing(
    personas: Personas, field: str, values: dict
) -> None:
    margaret = personas.client.client_id
    before = client_row(margaret)
    typed = {"home_phone": "02 5550 1234", "mobile_phone": "0491 570 110", "email": "m@example.com"} | values
    with pytest.raises(InvalidInput) as refused:
        changes.update_contact(personas.client, margaret, **typed)
    assert field in refused.value.fields
    after = client_row(margaret)
    assert (after.home_phone, after.mobile_phone, after.email) == (
        before.home_phone,
        before.mobile_phone,
        before.email,
    )


def test_a_home_address_is_placed_on_the_map(personas: Personas) -> None:
    saved = changes.update_home_address(
        personas.client,
        personas.client.client_id,
        street="5 King Street",
        suburb="newtown",
        state="nsw",
        postcode="2042",
    )
    assert saved.home == reading.Address("5 King Street", "Newtown", "NSW", "2042")
    row = client_row(personas.client.client_id)
    assert row.home_geocode == GeocodeStatus.SUBURB
    assert row.home_lat == pytest.approx(-33.897, abs=0.01)


def test_an_address_that_cannot_be_placed_is_saved_and_flagged(personas: Personas) -> None:
    saved = changes.update_home_address(
        personas.client,
        personas.client.client_id,
        street="1 Hidden Track",
        suburb="Nowhere Creek",
        state="NSW",
        postcode="2999",
    )
    assert saved.home_located == GeocodeStatus.NOT_FOUND
    row = client_row(personas.client.client_id)
    assert (row.home_street, row.home_lat, row.home_geocode) == (
        "1 Hidden Track",
        None,
        GeocodeStatus.NOT_FOUND,
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"postcode": "3000"}, "postcode"),
        ({"postcode": "20"}, "postcode"),
        ({"street": " "}, "street"),
        ({"state": "XYZ"}, "state"),
    ],
)
def test_a_bad_address_is_refused_and_changes_nothing(personas: Personas, values: dict, field: str) -> None:
    before = client_row(personas.client.client_id)
    typed = {"street": "5 King Street", "suburb": "Newtown", "state": "NSW", "postcode": "2042"} | values
    with pytest.raises(InvalidInput) as refused:
        changes.update_home_address(personas.client, personas.client.client_id, **typed)
    assert field in refused.value.fields
    assert client_row(personas.client.client_id).home_street == before.home_street


def test_a_separate_postal_address_and_back_to_the_home_one(personas: Personas) -> None:
    margaret = personas.client.client_id
    saved = changes.update_postal_address(
        personas.client,
        margaret,
        same_as_home=False,
        street="PO Box 12",
        suburb="Marrickville",
        state="NSW",
        postcode="2204",
    )
    assert saved.postal == reading.Address("PO Box 12", "Marrickville", "NSW", "2204")
    assert changes.update_postal_address(personas.client, margaret, same_as_home=True).postal is None


def test_emergency_contacts_are_replaced_only_when_all_are_right(personas: Personas) -> None:
    margaret = personas.client.client_id
    good = EmergencyContactDetails("Graham Wilson", "Son", "0491 570 157")
    saved = changes.save_emergency_contacts(personas.client, margaret, [good])
    assert saved.emergency_contacts == (EmergencyContactDetails("Graham Wilson", "Son", "0491 570 157", ""),)
    with pytest.raises(InvalidInput) as refused:
        changes.save_emergency_contacts(
            personas.client, margaret, [good, EmergencyContactDetails("Ann", "", "123", "ann@")]
        )
    assert set(refused.value.fields) == {"contact2_relationship", "contact2_phone", "contact2_email"}
    assert reading.get_profile(personas.client, margaret).emergency_contacts == saved.emergency_contacts


def test_a_new_photo_replaces_the_old_one(personas: Personas) -> None:
    margaret = personas.client.client_id
    old_photo = client_row(margaret).photo_media_id
    saved = changes.set_photo(personas.client, margaret, jpeg())
    assert saved.photo_id != old_photo
    data, content_type = reading.photo(personas.client, margaret)
    assert content_type == "image/jpeg"
    assert data[:2] == b"\xff\xd8"
    with db.read() as session:
        assert session.get(MediaFile, old_photo) is None


def test_a_photo_that_is_not_one_is_refused_and_the_old_one_stays(personas: Personas) -> None:
    margaret = personas.client.client_id
    old_photo = client_row(margaret).photo_media_id
    with pytest.raises(InvalidInput, match="not a JPEG or PNG"):
        changes.set_photo(personas.client, margaret, b"GIF89a not really")
    assert client_row(margaret).photo_media_id == old_photo
