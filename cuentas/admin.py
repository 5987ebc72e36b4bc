"""Admin de cuentas (C1): crear cuentas desde las candidaturas registradas, cuentas de representación
de partido e invitaciones para fijar contraseña."""

from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from candidaturas import trabajos
from candidaturas.models import ActorPolitico
from comun.admin import BusquedaSinAcentosMixin, SoloLecturaMixin
from cuentas import services, tareas
from cuentas.models import CandidaturaParaInvitar, CuentaDeCaptura


class NuevaRepresentacionForm(forms.Form):
    actor = forms.ModelChoiceField(queryset=ActorPolitico.objects.all(), label=_("Actor político"))
    correo = forms.EmailField(label=_("Correo electrónico de la representación"))
    nombre = forms.CharField(label=_("Nombre de la persona representante"), max_length=150, required=False)


@admin.register(CuentaDeCaptura)
class CuentaDeCapturaAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    list_display = ["usuario", "correo", "persona", "actor", "invitacion_enviada_en"]
    list_select_related = ["usuario", "persona", "actor"]
    list_filter = [("actor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["usuario__email", "persona__nombre_normalizado", "actor__siglas"]
    readonly_fields = ["usuario", "persona", "actor", "invitacion_enviada_en", "creada_en"]
    actions = ["reenviar_invitacion"]
    change_list_template = "cuentas/admin_cuentas_changelist.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("correo"), ordering="usuario__email")
    def correo(self, obj):
        return obj.usuario.email

    @admin.action(description=_("Enviar o reenviar la invitación"), permissions=["invitar"])
    def reenviar_invitacion(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) > trabajos.UMBRAL_EN_BLOQUE:
            return trabajos.en_bloque(
                request,
                ids=ids,
                tipo="reenviar_invitaciones",
                titulo=ngettext("Reenviar %(n)s invitación", "Reenviar %(n)s invitaciones", len(ids))
                % {"n": len(ids)},
                permiso=tareas.PERMISO_DE_INVITAR,
                tarea=tareas.reenviar_invitaciones,
                url_de_regreso=reverse("admin:cuentas_cuentadecaptura_changelist"),
            )
        mensajes, _hechos = tareas.reenviar(queryset)
        _mostrar(self, request, mensajes)
        return None

    def has_invitar_permission(self, request):
        return request.user.has_perm("cuentas.add_cuentadecaptura")

    def get_urls(self):
        return [
            path(
                "nueva-representacion/",
                self.admin_site.admin_view(self.nueva_representacion),
                name="cuentas_nueva_representacion",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "url_nueva_representacion": reverse("admin:cuentas_nueva_representacion"),
        }
        return super().changelist_view(request, extra_context)

    def nueva_representacion(self, request):
        if not self.has_invitar_permission(request):
            raise PermissionDenied
        formulario = NuevaRepresentacionForm(request.POST or None)
        if request.method == "POST" and formulario.is_valid():
            try:
                cuenta = services.crear_cuenta_de_representacion(**formulario.cleaned_data)
            except ValueError as error:
                formulario.add_error("correo", str(error))
            else:
                services.enviar_invitacion(cuenta)
                messages.success(
                    request,
                    _g("Cuenta creada e invitación enviada a %(correo)s.") % {"correo": cuenta.usuario.email},
                )
                return redirect("admin:cuentas_cuentadecaptura_changelist")
        contexto = {
            **self.admin_site.each_context(request),
            "title": _g("Nueva cuenta de representación de partido"),
            "formulario": formulario,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "cuentas/admin_nueva_representacion.html", contexto)


@admin.register(CandidaturaParaInvitar)
class CandidaturaParaInvitarAdmin(BusquedaSinAcentosMixin, SoloLecturaMixin, admin.ModelAdmin):
    list_display = ["persona", "etiqueta_cargo", "actor", "eleccion", "tiene_correo", "tiene_cuenta"]
    list_filter = ["eleccion__proceso", "actor", "cargo", "calidad"]
    list_select_related = [
        "persona",
        "actor",
        "eleccion__proceso",
        "eleccion__distrito_local",
        "eleccion__municipio",
        "persona__cuenta_de_captura",
    ]
    search_fields = ["persona__nombre_normalizado"]
    actions = ["crear_cuentas_e_invitar"]

    def get_queryset(self, request):
        return super().get_queryset(request).vigentes()

    @admin.display(description=_("correo en el registro"), boolean=True)
    def tiene_correo(self, obj):
        return bool(obj.persona.correo)

    @admin.display(description=_("cuenta"), boolean=True)
    def tiene_cuenta(self, obj):
        return hasattr(obj.persona, "cuenta_de_captura")

    def has_invitar_permission(self, request):
        return request.user.has_perm("cuentas.add_cuentadecaptura")

    @admin.action(description=_("Crear cuentas y enviar invitaciones"), permissions=["invitar"])
    def crear_cuentas_e_invitar(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) > trabajos.UMBRAL_EN_BLOQUE:
            return trabajos.en_bloque(
                request,
                ids=ids,
                tipo="crear_cuentas_e_invitar",
                titulo=ngettext(
                    "Crear cuentas e invitar: %(n)s candidatura",
                    "Crear cuentas e invitar: %(n)s candidaturas",
                    len(ids),
                )
                % {"n": len(ids)},
                permiso=tareas.PERMISO_DE_INVITAR,
                tarea=tareas.crear_cuentas_e_invitar,
                url_de_regreso=reverse("admin:cuentas_candidaturaparainvitar_changelist"),
            )
        mensajes, _hechos = tareas.crear_e_invitar(queryset)
        _mostrar(self, request, mensajes)
        return None


def _mostrar(modelo_admin, request, mensajes):
    niveles = {"success": messages.SUCCESS, "warning": messages.WARNING, "error": messages.ERROR}
    for mensaje in mensajes:
        modelo_admin.message_user(request, mensaje["texto"], niveles.get(mensaje["nivel"], messages.INFO))


# --- Usuarios: nadie sube sus propios privilegios ----------------------------------------------------

CAMPOS_DE_PRIVILEGIO = ("is_superuser", "is_staff", "groups", "user_permissions")
"""Sólo una persona superusuaria los cambia (y nunca para dárselos a sí misma)."""


class UsuarioAdmin(BusquedaSinAcentosMixin, UserAdmin):
    """El `UserAdmin` de Django, pero quien no es superusuario (p. ej. el grupo «Administración», que
    tiene `auth.change_user`) ve los campos de privilegio de sólo lectura y no puede editar cuentas
    de superusuarios (ni su contraseña: eso sería tomar la cuenta). Además del formulario, el
    servidor revisa lo que llega: un POST manipulado tampoco cambia un privilegio."""

    def get_readonly_fields(self, request, obj=None):
        campos = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            campos += [c for c in CAMPOS_DE_PRIVILEGIO if c not in campos]
        return campos

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            anterior = type(obj).objects.filter(pk=obj.pk).first() if obj.pk else None
            for campo in ("is_superuser", "is_staff"):
                valor_anterior = getattr(anterior, campo) if anterior else False
                if getattr(obj, campo) != valor_anterior:
                    raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not request.user.is_superuser and any(
            c in form.cleaned_data for c in ("groups", "user_permissions")
        ):
            raise PermissionDenied
        super().save_related(request, form, formsets, change)


Usuario = get_user_model()
if admin.site.is_registered(Usuario):
    admin.site.unregister(Usuario)
admin.site.register(Usuario, UsuarioAdmin)


class GrupoAdmin(BusquedaSinAcentosMixin, GroupAdmin):
    """Los roles (`cuentas/roles.py`) con la misma búsqueda sin acentos que el resto del admin."""


if admin.site.is_registered(Group):
    admin.site.unregister(Group)
admin.site.register(Group, GrupoAdmin)


class MetodoDeVerificacionAdmin(BusquedaSinAcentosMixin, admin.ModelAdmin):
    """Los métodos de verificación en dos pasos (TOTP y códigos de recuperación) de cada cuenta, en
    español y sin mostrar sus secretos. Sólo se consultan o se eliminan: eliminar el TOTP de una
    persona que perdió su teléfono la deja activarlo de nuevo al entrar."""

    list_display = ["quien", "tipo", "creado", "ultimo_uso"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    fields = ["quien", "tipo", "creado", "ultimo_uso"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("user__cuenta_de_captura__persona", "user__cuenta_de_captura__actor")
            .prefetch_related("user__groups")
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("cuenta"), ordering="user__email")
    def quien(self, obj):
        return services.nombre_y_rol(obj.user)

    @admin.display(description=_("tipo"), ordering="type")
    def tipo(self, obj):
        return obj.get_type_display()

    @admin.display(description=_("activado el"), ordering="created_at")
    def creado(self, obj):
        return obj.created_at

    @admin.display(description=_("último uso"), ordering="last_used_at")
    def ultimo_uso(self, obj):
        return obj.last_used_at


if admin.site.is_registered(Authenticator):
    admin.site.unregister(Authenticator)
admin.site.register(Authenticator, MetodoDeVerificacionAdmin)
