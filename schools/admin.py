from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from accounts.invitations import invitation_send_if_needed

from .gias import GiasImportError, decode, import_gias
from .models import AcademicYear, Appointment, HalfTerm, School, Trust


@admin.register(Trust)
class TrustAdmin(admin.ModelAdmin):
    list_display = ["name", "comparator_local_authority", "reserves_target_percent", "reserves_floor_percent"]


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0
    autocomplete_fields = ["person"]


class GiasUploadForm(forms.Form):
    csv_file = forms.FileField(label="GIAS establishment CSV")
    trust_code = forms.CharField(
        required=False, help_text="GIAS 'Trusts (code)'. Leave empty to use the URNs."
    )
    urns = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="URNs, one per line or comma-separated.",
    )
    dry_run = forms.BooleanField(required=False, initial=True, label="Preview only (save nothing)")

    def clean(self):
        data = super().clean()
        if not data.get("trust_code") and not data.get("urns"):
            raise forms.ValidationError(
                "Enter the trust code or at least one URN, so the import knows your schools."
            )
        return data


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "urn", "phase", "local_authority", "pupils_on_roll", "capacity", "joined_on"]
    list_filter = ["phase", "has_resourced_provision", "local_authority"]
    search_fields = ["name", "urn"]
    inlines = [AppointmentInline]
    change_list_template = "admin/schools/school/change_list.html"

    def get_urls(self):
        extra = [
            path(
                "import-gias/", self.admin_site.admin_view(self.import_gias_view), name="schools_school_gias"
            )
        ]
        return extra + super().get_urls()

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Appointment:
            for appointment in formset.new_objects:
                invitation_send_if_needed(person=appointment.person, by=request.user)

    def import_gias_view(self, request):
        if not request.user.has_perm("schools.add_school") or not request.user.has_perm(
            "schools.change_school"
        ):
            return redirect("admin:index")
        report, errors = None, []
        form = GiasUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            urns = form.cleaned_data["urns"].replace(",", "\n").split()
            try:
                report = import_gias(
                    decode(form.cleaned_data["csv_file"].read()),
                    trust_code=form.cleaned_data["trust_code"].strip(),
                    urns=urns,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except GiasImportError as error:
                errors = error.errors
            else:
                if not form.cleaned_data["dry_run"]:
                    messages.success(request, f"GIAS import saved: {report.summary()}.")
        context = {
            **self.admin_site.each_context(request),
            "title": "Import schools from GIAS",
            "form": form,
            "report": report,
            "errors": errors,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/schools/school/import_gias.html", context)


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "school", "starts_on", "ends_on", "is_active"]
    list_filter = ["role", "is_active", "school"]
    search_fields = ["person__email", "person__first_name", "person__last_name", "school__name"]
    autocomplete_fields = ["person", "school"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # A newly appointed person who has never set a password is emailed an invitation.
            invitation_send_if_needed(person=obj.person, by=request.user)


class HalfTermInline(admin.TabularInline):
    model = HalfTerm
    extra = 0


@admin.register(AcademicYear)
class AcademicYearAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]
    inlines = [HalfTermInline]
