from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CandidaturasConfig(AppConfig):
    name = "candidaturas"
    verbose_name = _("Candidaturas y registro electoral")

    def ready(self):
        # Lo que se edita directo (admin, shell, importación) refresca sus páginas públicas al
        # confirmarse: candidaturas/invalidacion.py dice qué alcances toca cada modelo.
        from candidaturas import invalidacion

        receptores = [
            (pre_save, invalidacion.candidatura_por_cambiar, "Candidatura"),
            (post_save, invalidacion.candidatura_cambiada, "Candidatura"),
            (post_delete, invalidacion.candidatura_cambiada, "Candidatura"),
            # Una persona con candidaturas no se puede borrar (PROTECT): basta con guardarla.
            (post_save, invalidacion.persona_cambiada, "Persona"),
            (pre_save, invalidacion.eleccion_por_cambiar, "Eleccion"),
            (post_save, invalidacion.eleccion_cambiada, "Eleccion"),
            (post_delete, invalidacion.eleccion_cambiada, "Eleccion"),
            (post_save, invalidacion.actor_cambiado, "ActorPolitico"),
            (post_delete, invalidacion.actor_cambiado, "ActorPolitico"),
        ]
        for nombre in invalidacion.MODELOS_QUE_INVALIDAN_TODO:
            receptores += [
                (post_save, invalidacion.todo_cambiado, nombre),
                (post_delete, invalidacion.todo_cambiado, nombre),
            ]
        for senal, receptor, nombre in receptores:
            uid = f"paginas-{receptor.__name__}-{nombre}"
            senal.connect(receptor, sender=self.get_model(nombre), dispatch_uid=uid)
