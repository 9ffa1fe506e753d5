from odoo import fields, models

# PRJ-DEV-16: the development state machine. A contract project's
# development (kind "project") starts at the requirement work plan: its
# "plan" is the project's own requirement work plan sheet (PRJ-SC-02).
STAGES = [
    ("dev_plan", "Development Plan"),
    ("req_work_plan", "Requirement Work Plan"),
    ("research", "Requirement Research"),
    ("analysis", "Requirement Analysis"),
    ("argumentation", "Argumentation"),
    ("confirmed", "Requirements Confirmed"),
    ("system_analysis", "System Analysis Confirmed"),
    ("agreement", "Agreement Signed"),
    ("developing", "Developing"),
    ("qc", "Quality Check"),
    ("accepted", "Accepted"),
    ("breach", "Accepted with Breach"),
    ("cancelled", "Cancelled"),
]

KINDS = [
    ("long_term", "Long-term Product Development"),
    ("upgrade", "Version Upgrade"),
    ("project", "Contract Project Development"),
]


class ScmDevWork(models.Model):
    """One software development between MRD (requirements), the Software
    Dept and the QC Dept, from its plan to the requirement side's
    acceptance (§三.1, §三.2, §三.3.2, §三.4.2.2).

    The same workflow serves the three kinds of work the manual describes:
    the long-term product development plan, the half-yearly version upgrade
    (PRJ-UPG-03: "the remaining steps as for long-term development"), and
    the development a contract project needs (an S&C project's requirement
    gap list, a secondary contract's customer-signed requirement report,
    PRJ-SC-05, PRJ-SEC-02). Each kind configures where the work starts and
    where its requirements come from; every step document (plans, reports,
    argumentation, agreement, memos, execution sheet, QC report, acceptance)
    belongs to a work and moves its stage through its own step."""

    _name = "scm.dev.work"
    _description = "Software Development Work"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.stage.mixin"]
    _order = "id desc"
    _scm_stage_field = "stage"
    _scm_step_fields = ("kind", "project_id", "requirement_lead_id")

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, index=True, tracking=True)
    stage = fields.Selection(
        STAGES, required=True, default="dev_plan", index=True, tracking=True, copy=False
    )
    version = fields.Char(
        help="The software version an upgrade delivers (PRJ-UPG-01).", tracking=True
    )
    project_id = fields.Many2one(
        "project.project",
        string="Customer Project",
        index=True,
        ondelete="restrict",
        help="The contract project whose requirements this development "
        "delivers (kind: contract project development).",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    requirement_lead_id = fields.Many2one(
        "res.users",
        string="Requirement Project Lead",
        index=True,
        tracking=True,
        help="The MRD member who leads the requirement side (需求项目负责人).",
    )
    software_lead_id = fields.Many2one(
        "res.users", string="Software Project Lead", index=True, tracking=True
    )
    qc_lead_id = fields.Many2one(
        "res.users", string="QC Project Lead", index=True, tracking=True
    )

    def _scm_unit_manager(self, xmlid):
        return self.env.ref(xmlid)._scm_manager_user()

    def _scm_mrd_manager(self):
        return self._scm_unit_manager("scm_base.dept_mrd")

    def _scm_software_manager(self):
        return self._scm_unit_manager("scm_base.dept_software")

    def _scm_qc_manager(self):
        return self._scm_unit_manager("scm_base.dept_qc")

    def _scm_is_dev_unit_member(self, user):
        """MRD, the Software Dept or the QC Dept: the three parties of the
        development (SUP-REQ-03 reads "requirements, software and QC")."""
        return any(
            user._scm_is_member_of_unit(self.env.ref(xmlid))
            for xmlid in (
                "scm_base.dept_mrd",
                "scm_base.dept_software",
                "scm_base.dept_qc",
            )
        )
