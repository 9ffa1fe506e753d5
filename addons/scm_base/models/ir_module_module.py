from odoo import api, models

# Modules whose translation files hold records that only exist once a
# document addon of the suite is installed: the selection values of the
# approval state (scm_base.selection__<model>__state__*) and of the
# validation status (base_tier_validation.selection__<model>__...) are
# created for each document model, under the xml id of the module that
# declared the selection.
SHARED_TERMS_MODULES = ("base_tier_validation", "scm_base")


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        # Odoo loads a module's translation files right after installing or
        # updating it, and only that module's: the approval state of a new
        # document model would stay in English. Loading the shared modules'
        # files again with each addon of the suite translates them.
        # Both are dependencies of every addon of the suite.
        if any(name.startswith("scm_") for name in modules):
            shared = [name for name in SHARED_TERMS_MODULES if name not in modules]
            modules = [*shared, *modules]
        return super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
