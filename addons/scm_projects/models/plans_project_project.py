from odoo import _, fields, models

from .plans_project_plan import (
    EXECUTION_PHASES,
    ISSUED_STATES,
    REQUIRED_PLAN_TYPES,
)

# Contract types whose project runs the AA implementation with its plans
# (chapter 三.3, PRJ-SC-03).
PLANNED_CONTRACT_TYPES = ("sc", "secondary")


class ProjectProject(models.Model):
    """The plans of a customer project and whether it has the four it needs
    in execution (PRJ-SC-03)."""

    _inherit = "project.project"

    scm_plan_ids = fields.One2many("scm.project.plan", "project_id", string="Plans")
    scm_plan_count = fields.Integer(compute="_compute_scm_plans", string="Plan Count")
    scm_delay_notice_count = fields.Integer(
        compute="_compute_scm_plans", string="Status Notices"
    )
    scm_missing_plans = fields.Char(
        compute="_compute_scm_plans",
        string="Missing Plans",
        help="The plans a project in execution must have and that are not "
        "issued yet (PRJ-SC-03).",
    )
    scm_plans_incomplete = fields.Boolean(
        compute="_compute_scm_plans", string="Plans Incomplete"
    )

    def _compute_scm_plans(self):
        labels = dict(
            self.env["scm.project.plan"]
            ._fields["plan_type"]
            ._description_selection(self.env)
        )
        plans = self.env["scm.project.plan"].sudo()
        notices = self.env["scm.project.delay.notice"].sudo()
        counts = {
            project.id: count
            for project, count in plans._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        }
        notice_counts = {
            project.id: count
            for project, count in notices._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        }
        for project in self:
            project.scm_plan_count = counts.get(project.id, 0)
            project.scm_delay_notice_count = notice_counts.get(project.id, 0)
            missing = project._scm_missing_plan_types() if project.id else []
            project.scm_missing_plans = ", ".join(labels[key] for key in missing)
            project.scm_plans_incomplete = bool(missing) and (
                project.scm_phase in EXECUTION_PHASES
            )

    # -- PRJ-SC-03 -----------------------------------------------------------------
    def _scm_needs_plans(self):
        self.ensure_one()
        return self.sudo().scm_contract_type in PLANNED_CONTRACT_TYPES

    def _scm_missing_plan_types(self):
        """The plan types of the four (overall, requirement, software, QC)
        that the project has not issued yet; [] for a project without plans
        (technical service, network)."""
        self.ensure_one()
        if not self._scm_needs_plans():
            return []
        issued = set(
            self.env["scm.project.plan"]
            .sudo()
            .search([("project_id", "=", self.id), ("state", "in", ISSUED_STATES)])
            .mapped("plan_type")
        )
        # PRJ-SC-02: the requirement work plan sheet is the approved
        # requirement work plan of the project's development (devreq).
        if (
            self.env["scm.dev.req.plan"]
            .sudo()
            .search_count(
                [("project_id", "=", self.id), ("state", "=", "approved")], limit=1
            )
        ):
            issued.add("requirement")
        return [key for key in REQUIRED_PLAN_TYPES if key not in issued]

    def _scm_schedule_adopted(self):
        self.ensure_one()
        return bool(
            self.env["scm.project.plan"]
            .sudo()
            .search_count(
                [
                    ("project_id", "=", self.id),
                    ("plan_type", "=", "schedule"),
                    ("state", "=", "approved"),
                ]
            )
        )

    def _scm_plan_blockers(self):
        """Translated reasons the project may not go beyond the kick-off:
        the four plans issued (PRJ-SC-03) and the implementation schedule
        signed and sealed by both sides (PRJ-KICK-05). The kick-off area
        calls it before moving the project into research."""
        self.ensure_one()
        if not self._scm_needs_plans():
            return []
        blockers = []
        missing = self._scm_missing_plan_types()
        if missing:
            labels = dict(
                self.env["scm.project.plan"]
                ._fields["plan_type"]
                ._description_selection(self.env)
            )
            blockers.append(
                _(
                    "%(project)s has not issued: %(plans)s (PRJ-SC-03).",
                    project=self.display_name,
                    plans=", ".join(labels[key] for key in missing),
                )
            )
        if not self._scm_schedule_adopted():
            blockers.append(
                _(
                    "The implementation schedule of %(project)s is not signed "
                    "and sealed by both sides yet (PRJ-KICK-05).",
                    project=self.display_name,
                )
            )
        return blockers

    # -- actions -------------------------------------------------------------------
    def action_scm_open_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_project_plan"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_scm_open_delay_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_project_delay_notice"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_scm_open_plan_vs_actual(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_plan_vs_actual"
        )
        action["domain"] = [("project_id", "=", self.id), ("scm_plan_id", "!=", False)]
        return action
