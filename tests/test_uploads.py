import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from trust_portal.uploads import validate_upload


def test_a_real_pdf_under_the_limit_is_accepted():
    upload = SimpleUploadedFile("evidence.pdf", b"%PDF-1.7 rest of file")
    assert validate_upload(upload) is upload


def test_a_disallowed_type_is_refused_with_the_allowed_types_named():
    with pytest.raises(ValidationError, match="must be one of: PDF, PNG"):
        validate_upload(SimpleUploadedFile("run-me.exe", b"MZ"))


def test_a_file_over_the_limit_is_refused_with_its_size():
    with pytest.raises(ValidationError, match="smaller than 1 MB; 'big.pdf' is 2.0 MB"):
        validate_upload(
            SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * (2 * 1024 * 1024 - 5)), max_bytes=1024 * 1024
        )


def test_a_file_whose_content_does_not_match_its_name_is_refused():
    with pytest.raises(ValidationError, match="does not look like a real PDF"):
        validate_upload(SimpleUploadedFile("fake.pdf", b"<html>"))
