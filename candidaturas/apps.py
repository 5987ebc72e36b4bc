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

        candidatura, eleccion = self.get_model("Candidatura"), self.get_model("Eleccion")
        pre_save.connect(
            invalidacion.candidatura_por_cambiar, sender=candidatura, dispatch_uid="paginas-cand-pre"
        )
        post_save.connect(invalidacion.candidatura_cambiada, sender=candidatura, dispatch_uid="paginas-cand")
        post_delete.connect(
            invalidacion.candidatura_cambiada, sender=candidatura, dispatch_uid="paginas-cand-del"
        )
        pre_save.connect(invalidacion.eleccion_por_cambiar, sender=eleccion, dispatch_uid="paginas-elec-pre")
        post_save.connect(invalidacion.eleccion_cambiada, sender=eleccion, dispatch_uid="paginas-elec")
        post_delete.connect(invalidacion.eleccion_cambiada, sender=eleccion, dispatch_uid="paginas-elec-del")
        # Una persona con candidaturas no se puede borrar (PROTECT): basta con guardarla.
        post_save.connect(
            invalidacion.persona_cambiada, sender=self.get_model("Persona"), dispatch_uid="paginas-persona"
        )
        actor = self.get_model("ActorPolitico")
        post_save.connect(invalidacion.actor_cambiado, sender=actor, dispatch_uid="paginas-actor")
        post_delete.connect(invalidacion.actor_cambiado, sender=actor, dispatch_uid="paginas-actor-del")
        for nombre in invalidacion.MODELOS_QUE_INVALIDAN_TODO:
            modelo = self.get_model(nombre)
            post_save.connect(invalidacion.todo_cambiado, sender=modelo, dispatch_uid=f"paginas-{nombre}")
            post_delete.connect(
                invalidacion.todo_cambiado, sender=modelo, dispatch_uid=f"paginas-{nombre}-del"
            )
