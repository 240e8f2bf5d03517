"""Rendering a form page the same way everywhere."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest, form: forms.BaseForm, title: str, **extra: Any
) -> HttpResponse:
    """The page with the form; answered with 400 when it came back with errors, so
    tests and clients can tell a refusal from a first visit."""
    status = 400 if form.is_bound and form.errors else 200
    context = {"form": form, "title": title, **extra}
    return render(request, "core/form_page.html", context, status=status)


def apply_errors(form: forms.BaseForm, error: Any, field: str | None = None) -> None:
    """Put a ValidationError from a service onto the form it came from; an error
    without a field goes to `field`, where the user will look for it."""
    if hasattr(error, "error_dict"):
        for name, messages in error.error_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(field, error.messages)
