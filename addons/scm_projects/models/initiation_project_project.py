from odoo import _, api, fields, models


class ProjectProject(models.Model):
    """What a new project owes at its initiation (PRJ-INIT-01, PRJ-TRK-04)
    and what its closing requires (PRJ-TRK-10)."""

    _inherit = "project.project"

    scm_initiation_ids = fields.One2many(
        "scm.project.initiation", "project_id", string="Initiation Notice"
    )
    scm_execution_sheet_ids = fields.One2many(
        "scm.project.execution.sheet", "project_id", string="Execution Sheet"
    )
    scm_coordination_ids = fields.One2many(
        "scm.project.coordination", "project_id", string="Coordination Requests"
    )
    scm_member_change_ids = fields.One2many(
        "scm.project.member.change", "project_id", string="Team Changes"
    )
    scm_initiation_count = fields.Integer(compute="_compute_scm_initiation_counts")
    scm_coordination_count = fields.Integer(compute="_compute_scm_initiation_counts")
    scm_execution_sheet_count = fields.Integer(compute="_compute_scm_initiation_counts")

    @api.depends(
        "scm_initiation_ids", "scm_coordination_ids", "scm_execution_sheet_ids"
    )
    def _compute_scm_initiation_counts(self):
        for project in self:
            project.scm_initiation_count = len(project.scm_initiation_ids)
            project.scm_coordination_count = len(project.scm_coordination_ids)
            project.scm_execution_sheet_count = len(project.scm_execution_sheet_ids)

    def _scm_on_created(self):
        """The PM owes the initiation notice within 2 WD of the contract's
        signature (PRJ-INIT-01); MCD starts tracking the project with its
        execution status sheet once it has a PM (PRJ-TRK-04)."""
        result = super()._scm_on_created()
        self.ensure_one()
        project = self.sudo()
        if project.scm_contract_type != "network":
            notice = (
                self.env["scm.project.initiation"]
                .sudo()
                .create({"project_id": project.id})
            )
            if project.user_id:
                notice._scm_deadline_open(
                    "PRJ-INIT-01",
                    _(
                        "Issue the initiation notice of %(project)s",
                        project=project.display_name,
                    ),
                    project.user_id,
                    2,
                )
        if project.user_id:
            project._scm_ensure_execution_sheet()
        return result

    def _scm_ensure_execution_sheet(self):
        """The project's execution status sheet, owned by MCD (PRJ-TRK-01)."""
        self.ensure_one()
        Sheet = self.env["scm.project.execution.sheet"].sudo()
        sheet = Sheet.search([("project_id", "=", self.id)], limit=1)
        if not sheet:
            sheet = Sheet.create({"project_id": self.id})
            mcd = self._scm_mcd_manager()
            if mcd:
                sheet.message_subscribe(partner_ids=mcd.partner_id.ids)
        return sheet

    def _scm_closing_blockers(self):
        blockers = super()._scm_closing_blockers()
        # MCD tracks every C and R project on its sheet (PRJ-TRK-01); a
        # network project closes on its equipment sign-off (SUP-EPM-02).
        if self.scm_contract_type not in ("sc", "secondary"):
            return blockers
        sheet = self.sudo().scm_execution_sheet_ids[:1]
        if not sheet or sheet.state != "verified":
            blockers.append(
                _(
                    "the execution sheet is not verified by MCD (PRJ-TRK-10)",
                )
            )
        return blockers

    def _scm_open_documents(self, model, name):
        self.ensure_one()
        records = self.env[model].search([("project_id", "=", self.id)])
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "domain": [("project_id", "=", self.id)],
            "context": {"default_project_id": self.id},
            "view_mode": "list,form",
        }
        if len(records) == 1:
            action.update(view_mode="form", res_id=records.id)
        return action

    def action_scm_open_initiation(self):
        return self._scm_open_documents(
            "scm.project.initiation", _("Initiation Notice")
        )

    def action_scm_open_coordination(self):
        return self._scm_open_documents(
            "scm.project.coordination", _("Coordination Requests")
        )

    def action_scm_open_execution_sheet(self):
        return self._scm_open_documents(
            "scm.project.execution.sheet", _("Execution Sheet")
        )
