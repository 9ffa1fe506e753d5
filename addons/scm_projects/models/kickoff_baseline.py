from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# The "before reengineering" state of each element of the process
# (PRJ-RES-08), in the order of the manual's sales-outbound example.
ELEMENT_FIELDS = (
    "duties",
    "business_documents",
    "staff_cost",
    "volume_time",
    "reference_data",
    "control_points",
    "review_time",
    "review_content",
    "accuracy",
    "potential_errors",
    "data_custody",
    "retrieval",
    "decision_support",
    "customer_satisfaction",
)


class ScmProjectBaseline(models.Model):
    """The baseline ("before reengineering") record of one business process
    of the customer, measured by on-site tracking during the research
    (PRJ-RES-07, PRJ-RES-08): the reference for the management scheme and
    for evaluating its effect. Recorded in the research phase only; the
    element documents need at least one."""

    _name = "scm.project.baseline"
    _description = "Baseline (Before Reengineering) Record"
    _inherit = ["mail.thread", "scm.project.document.mixin"]
    _order = "project_id, department, name, id"

    name = fields.Char(string="Business Process", required=True, tracking=True)
    department = fields.Char(string="Functional Department", required=True)
    date_from = fields.Date(string="Test Period From", required=True)
    date_to = fields.Date(string="Test Period To", required=True)
    test_base = fields.Integer(
        string="Test Base (Documents)",
        required=True,
        help="The number of business documents measured.",
    )
    total_minutes = fields.Float(
        string="Total Processing Time (Minutes)",
        digits=(16, 3),
        required=True,
        help="The time the test base took to process, in minutes.",
    )
    average_minutes = fields.Float(
        string="Average Minutes per Piece",
        digits=(16, 3),
        compute="_compute_average_minutes",
        store=True,
    )
    duties = fields.Text()
    business_documents = fields.Text()
    staff_cost = fields.Text(string="Staff and Cost")
    volume_time = fields.Text(string="Volume and Completion Time")
    reference_data = fields.Text(string="Reference Data and Providers")
    control_points = fields.Text(string="Responsibility Control Points")
    review_time = fields.Text()
    review_content = fields.Text()
    accuracy = fields.Text()
    potential_errors = fields.Text()
    data_custody = fields.Text()
    retrieval = fields.Text(string="Retrieval Method and Efficiency")
    decision_support = fields.Text(string="Decision Support and Its Cost")
    customer_satisfaction = fields.Text()

    @api.depends("test_base", "total_minutes")
    def _compute_average_minutes(self):
        for baseline in self:
            baseline.average_minutes = (
                baseline.total_minutes / baseline.test_base
                if baseline.test_base > 0
                else 0.0
            )

    @api.constrains("date_from", "date_to", "test_base", "total_minutes")
    def _check_measure(self):
        for baseline in self:
            if baseline.date_to < baseline.date_from:
                raise ValidationError(_("The test period ends before it starts."))
            if baseline.test_base <= 0:
                raise ValidationError(
                    _("The test base counts at least one business document.")
                )
            if baseline.total_minutes < 0:
                raise ValidationError(_("A processing time cannot be negative."))

    @api.constrains("name", "department")
    def _check_names(self):
        for baseline in self:
            if (
                not (baseline.name or "").strip()
                or not (baseline.department or "").strip()
            ):
                raise ValidationError(
                    _("Name the business process and its functional department.")
                )

    # -- CRUD ---
    def _scm_check_may_record(self, projects):
        for project in projects.sudo():
            if not project._scm_is_worker(self.env.user):
                raise UserError(
                    _(
                        "Only the project team, the branch manager or MCD may "
                        "record the baselines of %(project)s.",
                        project=project.display_name,
                    )
                )
            project._scm_check_phase(("research",), _("given a baseline record"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._scm_check_may_record(
                self.env["project.project"].browse(
                    {
                        vals.get("project_id")
                        for vals in vals_list
                        if vals.get("project_id")
                    }
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_may_record(self.project_id)
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._scm_check_may_record(self.project_id)
        return super().unlink()
