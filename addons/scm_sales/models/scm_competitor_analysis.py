from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

ANALYSTS = (
    "scm_base.group_msd_manager",
    "scm_base.group_msd_product",
    "scm_base.group_mc_manager",
)


class ScmCompetitorAnalysis(models.Model):
    """An analysis of a competitor (SAL-COMP-03): forward, with the
    competitor as its subject, or reverse: what the competitor will do in
    answer to the company's strategies, actions and products."""

    _name = "scm.competitor.analysis"
    _description = "Competitor Analysis Entry"
    _inherit = ["mail.thread", "scm.step.guard.mixin"]
    _scm_step_fields = ("author_id",)
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    competitor_id = fields.Many2one("scm.competitor", required=True, index=True)
    analysis_type = fields.Selection(
        [
            ("forward", "Forward Analysis"),
            ("reverse", "Reverse Analysis"),
        ],
        required=True,
        default="forward",
        help="Forward: the competitor is the subject. Reverse: the actions the "
        "competitor will take because of our strategies, actions and products.",
    )
    our_move = fields.Text(
        string="Our Strategy, Action or Product",
        help="For a reverse analysis: what the company does that the competitor "
        "will answer.",
    )
    expected_response = fields.Text(
        string="Expected Response of the Competitor",
    )
    findings = fields.Text(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    author_id = fields.Many2one(
        "res.users",
        string="Analysed By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    meeting_id = fields.Many2one(
        "scm.competitor.meeting",
        string="Seminar",
        domain=[("meeting_type", "=", "seminar")],
    )
    report_id = fields.Many2one(
        "scm.competitor.report",
        index=True,
        domain=[("report_type", "=", "analysis")],
    )

    @api.constrains("analysis_type", "our_move", "expected_response")
    def _check_reverse(self):
        for entry in self:
            if entry.analysis_type == "reverse" and not (
                (entry.our_move or "").strip()
                and (entry.expected_response or "").strip()
            ):
                raise ValidationError(
                    _(
                        "A reverse analysis names our strategy, action or product "
                        "and the response expected from the competitor."
                    )
                )

    @api.model
    def _scm_check_analyst(self):
        if self.env.su:
            # Data files and technical jobs run as superuser.
            return
        if not any(self.env.user.has_group(group) for group in ANALYSTS):
            raise UserError(
                _(
                    "Competitor analyses are written by the MSD Manager, a "
                    "Product Market Specialist or the Market Center Manager."
                )
            )

    def _scm_check_report_open(self):
        if self.filtered(lambda e: e.report_id and e.report_id.stage != "draft"):
            raise UserError(
                _(
                    "The analysis belongs to a submitted report "
                    "and can no longer change."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Access rights first: a role without them gets an access error.
        self.check_access("create")
        self._scm_check_analyst()
        entries = super().create(vals_list)
        entries._scm_check_report_open()
        return entries

    def write(self, vals):
        self._scm_check_analyst()
        self._scm_check_report_open()
        res = super().write(vals)
        self._scm_check_report_open()
        return res

    def unlink(self):
        self._scm_check_analyst()
        self._scm_check_report_open()
        return super().unlink()
