from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PROJECT_TYPES = [
    ("design", "Product Development Design"),
    ("promotion", "Brand Promotion"),
]
ACCEPTORS = [
    ("brand", "Brand Operation"),
    ("brand_customer", "Brand Operation / Customer"),
]
IMPLEMENTERS = [
    ("team", "Project Team"),
    ("branch_brand", "Executing Branch / Brand Operation"),
]


class ScmBrandStageTemplate(models.Model):
    """The stage tables of PRJ-BRD-03 (design) and PRJ-BRD-04 (promotion):
    each stage's deliverable, basis, implementer, acceptor and its ranges of
    implementation and acceptance days (calendar days, ORG-RULE-02). A brand
    project's stages are copied from these rows when the project starts; the
    rows are data, so that the Brand Operation Center can adjust them
    (e.g. the promotion stage 4 acceptance period the manual leaves open)."""

    _name = "scm.brand.stage.template"
    _description = "Brand Project Stage Template"
    _order = "project_type, sequence, id"

    name = fields.Char(string="Stage", required=True, translate=True)
    project_type = fields.Selection(PROJECT_TYPES, required=True, index=True)
    sequence = fields.Integer(required=True, default=1)
    deliverable = fields.Char(translate=True)
    basis = fields.Char(translate=True)
    implementer = fields.Selection(IMPLEMENTERS, required=True, default="team")
    acceptor = fields.Selection(ACCEPTORS, required=True, default="brand_customer")
    min_days = fields.Integer(string="Min. Implementation Days", required=True)
    max_days = fields.Integer(string="Max. Implementation Days", required=True)
    accept_min_days = fields.Integer(string="Min. Acceptance Days", required=True)
    accept_max_days = fields.Integer(string="Max. Acceptance Days", required=True)
    loop_allowed = fields.Boolean(
        string="Adjustment Loop",
        help="The stage may go back for adjustment before the next stage "
        "starts (PRJ-BRD-09: promotion design/planning).",
    )
    feedback = fields.Boolean(
        string="Feedback Stage",
        help="The stage is accepted on the feedback survey report (PRJ-BRD-08).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "type_sequence_unique",
            "unique(project_type, sequence)",
            "A project type has one stage per number.",
        ),
    ]

    @api.constrains("min_days", "max_days", "accept_min_days", "accept_max_days")
    def _check_ranges(self):
        for template in self:
            if (
                template.min_days < 0
                or template.accept_min_days < 0
                or template.min_days > template.max_days
                or template.accept_min_days > template.accept_max_days
                or template.max_days <= 0
                or template.accept_max_days <= 0
            ):
                raise ValidationError(
                    _(
                        "Stage %(stage)s: the day ranges must be positive and "
                        "their minimum not above their maximum.",
                        stage=template.name,
                    )
                )
