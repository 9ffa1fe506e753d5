from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Project fields the elements area adds that only its steps write: the
# contract completion date changes only through a memorandum signed by both
# sides (PRJ-ELEM-07).
ELEMENTS_STEP_FIELDS = ("scm_completion_date",)


class ProjectProject(models.Model):
    """The elements method on the project: its element documents, the
    supplement requests and memoranda, the initialisation checklist, and the
    contract completion date a memorandum may move (PRJ-ELEM-01..09, 12)."""

    _inherit = "project.project"

    scm_completion_date = fields.Date(
        string="Contract Completion Date",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the whole contract is to be completed. Once set, it changes "
        "only through a memorandum signed by both sides (PRJ-ELEM-07).",
    )
    scm_element_ids = fields.One2many(
        "scm.project.element", "project_id", string="Element Documents"
    )
    scm_element_count = fields.Integer(
        compute="_compute_scm_element_count", string="Element Documents Count"
    )

    @api.depends("scm_element_ids")
    def _compute_scm_element_count(self):
        for project in self:
            project.scm_element_count = len(
                project.scm_element_ids.filtered(lambda e: e.stage != "superseded")
            )

    # -- guard -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if any(vals.get(name) for name in ELEMENTS_STEP_FIELDS):
                    raise self._scm_completion_date_error()
            if any(
                key.startswith("default_") and key[8:] in ELEMENTS_STEP_FIELDS
                for key in self.env.context
            ):
                context = {
                    key: value
                    for key, value in self.env.context.items()
                    if not (
                        key.startswith("default_") and key[8:] in ELEMENTS_STEP_FIELDS
                    )
                }
                self = self.with_env(self.env(context=context))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(ELEMENTS_STEP_FIELDS) & vals.keys():
            raise self._scm_completion_date_error()
        return super().write(vals)

    def _scm_completion_date_error(self):
        return UserError(
            _(
                "The contract completion date of a project changes only through "
                "a memorandum signed by both sides (PRJ-ELEM-07)."
            )
        )

    # -- hooks for other areas -----------------------------------------------------
    def _scm_init_completion_date(self, completion_date):
        """Set the planned completion date the first time (e.g. from the
        overall plan); once set, only a signed memorandum moves it."""
        self.ensure_one()
        if self.scm_completion_date:
            raise self._scm_completion_date_error()
        self._scm_step_write({"scm_completion_date": completion_date})
        return True

    def _scm_element_documents(self, element_type=None):
        """The current (not superseded) element documents of the project."""
        self.ensure_one()
        documents = self.sudo().scm_element_ids.filtered(
            lambda e: e.stage != "superseded"
        )
        if element_type:
            documents = documents.filtered(lambda e: e.element_type == element_type)
        return documents

    def _scm_closing_blockers(self):
        """A project closes with its element documents filed with HQ MCD
        (PRJ-ELEM-08)."""
        blockers = super()._scm_closing_blockers()
        unfiled = self._scm_element_documents().filtered(lambda e: e.stage != "filed")
        if unfiled:
            blockers.append(
                _(
                    "Element documents not yet filed with HQ MCD: %(docs)s.",
                    docs=", ".join(unfiled.mapped("display_name")),
                )
            )
        return blockers

    def action_scm_generate_elements(self):
        self.ensure_one()
        return self.env["scm.project.element"]._scm_action_generate(self)

    def action_scm_open_elements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_project_element"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
