from odoo import _, fields, models
from odoo.exceptions import UserError

from .scm_project_member import AA_ROLES


class ProjectProject(models.Model):
    """Kick-off and research of a customer project (000 §三.8.2-8.3): its
    kick-off record, research materials, meetings and baselines, the
    leading-group leader, the unfilled AA roles and the PM's step that ends
    the research phase."""

    _inherit = "project.project"

    scm_kickoff_ids = fields.One2many(
        "scm.project.kickoff", "project_id", string="Kick-off"
    )
    scm_meeting_ids = fields.One2many(
        "scm.project.meeting", "project_id", string="Meetings and Minutes"
    )
    scm_research_material_ids = fields.One2many(
        "scm.project.research.material", "project_id", string="Research Materials"
    )
    scm_baseline_ids = fields.One2many(
        "scm.project.baseline", "project_id", string="Baselines"
    )

    scm_research_material_count = fields.Integer(
        compute="_compute_scm_research_counts", string="Materials"
    )
    scm_meeting_count = fields.Integer(
        compute="_compute_scm_research_counts", string="Meetings"
    )
    scm_baseline_count = fields.Integer(
        compute="_compute_scm_research_counts", string="Baselines Recorded"
    )

    def _compute_scm_research_counts(self):
        counts = {}
        for model, name in (
            ("scm.project.research.material", "scm_research_material_count"),
            ("scm.project.meeting", "scm_meeting_count"),
            ("scm.project.baseline", "scm_baseline_count"),
        ):
            counts[name] = dict(
                self.env[model]._read_group(
                    [("project_id", "in", self.ids)], ["project_id"], ["__count"]
                )
            )
        for project in self:
            for name, by_project in counts.items():
                project[name] = by_project.get(project._origin, 0)

    def _scm_open_documents(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("project_id", "=", self.id)],
            "context": {"default_project_id": self.id},
        }

    def action_scm_open_research_materials(self):
        return self._scm_open_documents(
            "scm.project.research.material", _("Research Materials")
        )

    def action_scm_open_meetings(self):
        return self._scm_open_documents(
            "scm.project.meeting", _("Meetings and Minutes")
        )

    def action_scm_open_baselines(self):
        return self._scm_open_documents("scm.project.baseline", _("Baselines"))

    # -- team (PRJ-KICK-02/03) ---
    def _scm_group_leader(self):
        """The customer's leading-group leader: the contact of the active
        customer member with the role Leading Group Leader (PRJ-KICK-02)."""
        self.ensure_one()
        members = self.sudo().scm_member_ids.filtered(
            lambda m: m.active and m.side == "customer" and m.role == "group_leader"
        )
        return members[:1].customer_contact_id

    def _scm_unfilled_aa_roles(self):
        """The AA roles of PRJ-KICK-03 that no active member holds; the
        project's manager fills the PM role."""
        self.ensure_one()
        members = self.sudo().scm_member_ids.filtered(
            lambda m: m.active and m.side == "aa"
        )
        filled = set(members.mapped("role"))
        if self.user_id:
            filled.add("pm")
        return [role for role, __ in AA_ROLES if role not in filled]

    # -- kick-off record ---
    def write(self, vals):
        result = super().write(vals)
        if vals.get("scm_phase") == "kickoff":
            self._scm_kickoff_ensure()
        return result

    def _scm_kickoff_ensure(self):
        """A project entering its kick-off preparation gets its kick-off
        record (unless the PM already opened it)."""
        Kickoff = self.env["scm.project.kickoff"].sudo()
        for project in self.filtered("scm_contract_id"):
            if not Kickoff.search_count([("project_id", "=", project.id)]):
                kickoff = Kickoff.create({"project_id": project.id})
                if project.user_id:
                    kickoff.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=_(
                            "Prepare the kick-off of %(project)s",
                            project=project.display_name,
                        ),
                        user_id=project.user_id.id,
                    )

    # -- PRJ-RES-06 ---
    def _scm_phased_transition_missing(self):
        """PRJ-RES-06: the project is implemented in phases and its
        transition plan is not written yet; the scheme cannot be approved
        while this is True."""
        self.ensure_one()
        kickoff = self.sudo().scm_kickoff_ids[:1]
        return bool(kickoff.phased) and not (kickoff.transition_plan or "").strip()

    # -- research completed (PRJ-RES-07) ---
    def action_scm_research_completed(self):
        """The PM ends the research: the element documents are drafted from
        its material, and they need the baseline ("before reengineering")
        record, so at least one baseline must exist (PRJ-RES-07/08)."""
        for project in self:
            if not project.scm_contract_id or not project.sudo()._scm_acts_as_pm(
                self.env.user
            ):
                raise UserError(
                    _(
                        "Only the project manager of %(project)s may complete its "
                        "research.",
                        project=project.sudo().display_name,
                    )
                )
            project._scm_check_phase(("research",), _("moved to the elements method"))
            if (
                not self.env["scm.project.baseline"]
                .sudo()
                .search_count([("project_id", "=", project.id)])
            ):
                raise UserError(
                    _(
                        'Record at least one baseline ("before reengineering" '
                        "measurement) of %(project)s before the element documents "
                        "are drafted (PRJ-RES-07, PRJ-RES-08).",
                        project=project.display_name,
                    )
                )
            project._scm_set_phase("elements")
            project.sudo().message_post(
                body=_("Research completed: the elements method begins.")
            )
        return True

    def action_scm_open_kickoff(self):
        self.ensure_one()
        kickoff = self.scm_kickoff_ids[:1]
        action = {
            "type": "ir.actions.act_window",
            "name": _("Kick-off"),
            "res_model": "scm.project.kickoff",
            "view_mode": "form",
            "context": {"default_project_id": self.id},
        }
        if kickoff:
            action["res_id"] = kickoff.id
        return action
