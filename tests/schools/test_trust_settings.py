"""The CEO's trust settings page: the letterhead logo the letters print (validated, stored as media)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from schools.letterhead import logo_data_uri
from schools.models import Trust

pytestmark = pytest.mark.django_db
URL = "/schools/trust-settings/"


def image_file(name="logo.png", kind="PNG", size=(1600, 400)):
    out = io.BytesIO()
    Image.new("RGB", size, "#1d5c8c").save(out, kind)
    return SimpleUploadedFile(name, out.getvalue())


def test_the_ceo_uploads_a_logo_which_is_scaled_down_and_shown_with_the_trusts_name(world, client_as):
    client = client_as(world.ceo)
    response = client.post(URL, {"logo": image_file()}, follow=True)
    page = response.content.decode()
    trust = Trust.objects.get_current()
    assert "Logo saved" in page and trust.logo.name.startswith("trust/logo-")
    assert f'alt="{trust.name}"' in page and 'src="data:image/png;base64,' in page
    stored = Image.open(trust.logo.open("rb"))
    assert stored.width <= 800 and stored.height <= 300, "pre-scaled, so every PDF stays fast"
    client.post(URL, {"remove": "1"})
    trust.refresh_from_db()
    assert not trust.logo and logo_data_uri("") == ""


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("logo.png", b"not an image at all"), "does not look like a real PNG file"),
        (image_file("logo.gif", "GIF"), "The file must be one of: PNG, JPG, JPEG"),
        (SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * (1024 * 1024 + 1)), "smaller than"),
        (SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n broken"), "could not be read as an image"),
    ],
)
def test_a_file_that_is_not_a_small_png_or_jpeg_is_refused_with_a_clear_message(
    world, client_as, upload, message
):
    response = client_as(world.ceo).post(URL, {"logo": upload})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert message in page, page
    assert not Trust.objects.get_current().logo


def test_a_jpeg_logo_is_kept_as_a_jpeg(world, client_as):
    client_as(world.ceo).post(URL, {"logo": image_file("logo.jpg", "JPEG", (300, 100))})
    assert Trust.objects.get_current().logo.name.endswith(".jpg")
