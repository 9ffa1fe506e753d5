from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .closing_tools import project_for_create

# The archive checklist of a closing (SUP-EPM-04): every item is required.
CLOSING_ITEMS = (
    "Contract",
    "Implementation scheme and plans",
    "Acceptance forms",
    "Contract execution status sheet",
    "Customer service handover form",
)
# Projects that may close: delivered and accepted.
CLOSING_PHASES = ("accepted", "service")


class ScmProjectClosing(models.Model):
    """《销售项目结项通知单》, the Project Closing Notice (FORMS.md S9;
    SUP-EPM-04, PRJ-TRK-11).

    The project administrator (MCD) or the project's side prepares it; the
    managers of MCD, Finance and Audit sign it; the archive checklist (the
    contract, the plans, the acceptance forms, the execution sheet) is
    complete. Only then, and with nothing else missing
    (`project._scm_closing_blockers()`), does MCD close the project, which
    notifies MCD, MSD and Supervision."""

    _name = "scm.project.closing"
    _description = "Project Closing Notice"
    _inherit = [
        "mail.thread",
        "scm.project.document.mixin",
        "scm.signature.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = ("name", "prepared_by_id", "closed_by_id", "closed_date")
    _scm_signature_distinct_signers = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    summary = fields.Text(
        string="Project Summary",
        help="Completion date and quality, collection, archived documents.",
    )
    line_ids = fields.One2many(
        "scm.project.closing.line", "closing_id", string="Archive Checklist"
    )
    checklist_complete = fields.Boolean(
        string="Archive Checklist Complete", compute="_compute_checklist_complete"
    )
    closed_by_id = fields.Many2one("res.users", readonly=True)
    closed_date = fields.Date(string="Closed On", readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signing", "Being Signed"),
            ("signed", "Signed"),
            ("closed", "Project Closed"),
        ],
        string="Status",
        compute="_compute_state",
    )
    blockers = fields.Text(
        string="Still Missing", compute="_compute_blockers", compute_sudo=True
    )

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one closing notice.",
        )
    ]

    @api.depends("line_ids.archived")
    def _compute_checklist_complete(self):
        for record in self:
            record.checklist_complete = bool(record.line_ids) and all(
                record.line_ids.mapped("archived")
            )

    def _compute_state(self):
        for record in self:
            if record.closed_date:
                record.state = "closed"
            elif record.scm_signatures_complete:
                record.state = "signed"
            elif record.scm_signature_ids.filtered(lambda s: s.state == "signed"):
                record.state = "signing"
            else:
                record.state = "draft"

    def _compute_blockers(self):
        for record in self:
            record.blockers = (
                "\n".join(record._scm_blockers()) if not record.closed_date else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("line_ids"):
                vals["line_ids"] = [
                    (0, 0, {"sequence": sequence, "name": item})
                    for sequence, item in enumerate(CLOSING_ITEMS, start=1)
                ]
            project = project_for_create(self, vals)
            project._scm_check_phase(CLOSING_PHASES, _("closed"))
        records = super().create(vals_list)
        for record in records:
            record._scm_step_write(
                {
                    "name": self.env["ir.sequence"]
                    .sudo()
                    .next_by_code("scm.project.closing")
                    or "/",
                    "prepared_by_id": self.env.user.id,
                }
            )
            record._scm_signature_prepare()
        return records

    def write(self, vals):
        if not self.env.su and set(vals) & {"summary", "line_ids"}:
            self._scm_check_items_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_items_editable()
        return super().unlink()

    def _scm_check_items_editable(self):
        """The project's side fills the notice until it is signed."""
        if self.env.su:
            return
        self._scm_check_project_open()
        for record in self:
            record._scm_check_project_worker(_("fill in"))
            if record.sudo().scm_signature_ids.filtered(lambda s: s.state == "signed"):
                raise UserError(
                    _(
                        "%(doc)s is being signed: it no longer changes.",
                        doc=record.display_name,
                    )
                )

    # -- signatures ---------------------------------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        project = self.project_id.sudo()
        return [
            {
                "slot": "mcd",
                "name": _("MCD Manager"),
                "required_user_id": project._scm_mcd_manager().id,
                "required_group_id": self.env.ref("scm_base.group_mcd_manager").id,
            },
            {
                "slot": "finance",
                "name": _("Finance"),
                "required_user_id": project._scm_unit_manager(
                    "scm_base.dept_finance"
                ).id,
                "required_group_id": self.env.ref("scm_base.group_finance").id,
            },
            {
                "slot": "audit",
                "name": _("Audit Dept"),
                "required_group_id": self.env.ref("scm_base.group_auditor").id,
            },
        ]

    def action_scm_sign(self, slot):
        self.ensure_one()
        self.check_access("read")
        self.project_id.sudo()._scm_check_not_closed()
        if not self.checklist_complete:
            raise UserError(
                _(
                    "Complete the archive checklist of %(doc)s before it is signed "
                    "(SUP-EPM-04).",
                    doc=self.display_name,
                )
            )
        return super().action_scm_sign(slot)

    def action_sign_mcd(self):
        return self.action_scm_sign("mcd")

    def action_sign_finance(self):
        return self.action_scm_sign("finance")

    def action_sign_audit(self):
        return self.action_scm_sign("audit")

    # -- closing (SUP-EPM-04) ----------------------------------------------------------
    def _scm_blockers(self):
        self.ensure_one()
        blockers = []
        if not self.checklist_complete:
            missing = self.line_ids.filtered(lambda line: not line.archived)
            blockers.append(
                _(
                    "The archive checklist is incomplete: %(items)s.",
                    items=", ".join(missing.mapped("name")) or _("no items"),
                )
            )
        missing = self._scm_missing_signatures()
        if missing:
            blockers.append(
                _(
                    "The closing notice is not signed by: %(names)s.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        blockers += self.project_id.sudo()._scm_closing_blockers()
        return blockers

    def action_close_project(self):
        """MCD, the project administrator, closes the project once nothing
        is missing."""
        for record in self:
            user = self.env.user
            if not record.project_id.sudo()._scm_is_mcd(user):
                raise UserError(
                    _(
                        "Only MCD, the project administrator, closes %(doc)s.",
                        doc=record.project_id.sudo().display_name,
                    )
                )
            project = record.project_id.sudo()
            project._scm_check_not_closed()
            project._scm_check_phase(CLOSING_PHASES, _("closed"))
            blockers = record._scm_blockers()
            if blockers:
                raise UserError(
                    _(
                        "%(doc)s cannot be closed yet (SUP-EPM-04):\n%(why)s",
                        doc=project.display_name,
                        why="\n".join(f"- {reason}" for reason in blockers),
                    )
                )
            record._scm_step_write(
                {
                    "closed_by_id": user.id,
                    "closed_date": fields.Date.context_today(record),
                }
            )
            project._scm_close(record)
        return True
