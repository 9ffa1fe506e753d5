from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

SAMPLE_TYPES = [
    ("trend", "Trend Sample Chapter"),
    ("product_design", "Product-Design Sample Chapter"),
    ("brochure", "Brand Center Brochure"),
]
SEASONS = [("ss", "Spring/Summer"), ("aw", "Autumn/Winter")]
# SAL-BRAND-01 production cycles: (year offset, month) of the first and the
# last month, relative to the season year. "当度1月" is read as January of the
# season year.
PRODUCTION_CYCLES = {
    ("trend", "ss"): ((-1, 7), (-1, 9)),
    ("trend", "aw"): ((0, 1), (0, 3)),
    ("product_design", "ss"): ((-1, 9), (0, 1)),
    ("product_design", "aw"): ((0, 3), (0, 7)),
}
# Fields the Brand Operation Center may still change once released.
RELEASED_WRITABLE = {"message_main_attachment_id"}


class ScmBrandSample(models.Model):
    """Guidance sample chapters (trend, product design) and the brand center
    brochure that the Brand Operation Center researches each season and
    sends to every branch (SAL-BRAND-01)."""

    _name = "scm.brand.sample"
    _description = "Brand Sample Chapter"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.distribution.mixin",
        "scm.step.guard.mixin",
    ]
    # The release is the Brand Operation Center manager's step.
    _scm_step_fields = ("state", "released_date", "released_by_id")
    _order = "season_year desc, season, sample_type, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    sample_type = fields.Selection(
        SAMPLE_TYPES, string="Type", required=True, default="trend", tracking=True
    )
    season = fields.Selection(SEASONS, tracking=True)
    season_year = fields.Integer(
        default=lambda self: fields.Date.context_today(self).year + 1,
        tracking=True,
        help="The year of the season the chapter is for (e.g. 2027 for SS 2027).",
    )
    period_start = fields.Date(string="Production Start", tracking=True)
    period_end = fields.Date(string="Production End", tracking=True)
    cycle_start = fields.Date(compute="_compute_cycle", store=True)
    cycle_end = fields.Date(compute="_compute_cycle", store=True)
    period_outside_cycle = fields.Boolean(
        string="Outside the Cycle",
        compute="_compute_cycle",
        store=True,
        help="The production period does not fall within the manual's cycle "
        "for this type and season.",
    )
    contributor_ids = fields.Many2many(
        "res.users",
        string="Experts, Consultants and Designers",
        help="Who researched and designed the chapter.",
    )
    description = fields.Html(string="Content")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env["res.company"]._scm_hq(),
    )
    state = fields.Selection(
        [("draft", "Draft"), ("released", "Released")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    released_date = fields.Datetime(string="Released On", readonly=True, copy=False)
    released_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "season_year_range",
            "CHECK(season_year IS NULL OR season_year BETWEEN 2000 AND 2100)",
            "The season year must be between 2000 and 2100.",
        ),
    ]

    @api.model
    def _scm_cycle(self, sample_type, season, season_year):
        """First and last day of the production cycle, or (False, False)."""
        cycle = PRODUCTION_CYCLES.get((sample_type, season))
        if not cycle or not season_year:
            return False, False
        (start_off, start_month), (end_off, end_month) = cycle
        start = date(season_year + start_off, start_month, 1)
        end = date(season_year + end_off, end_month, 1) + relativedelta(
            months=1, days=-1
        )
        return start, end

    @api.depends("sample_type", "season", "season_year", "period_start", "period_end")
    def _compute_cycle(self):
        for sample in self:
            start, end = self._scm_cycle(
                sample.sample_type, sample.season, sample.season_year
            )
            sample.cycle_start = start
            sample.cycle_end = end
            sample.period_outside_cycle = bool(
                start
                and sample.period_start
                and sample.period_end
                and (sample.period_start < start or sample.period_end > end)
            )

    @api.constrains(
        "sample_type", "season", "season_year", "period_start", "period_end"
    )
    def _check_season(self):
        for sample in self:
            if sample.sample_type != "brochure" and not (
                sample.season and sample.season_year
            ):
                raise ValidationError(
                    _(
                        "A trend or product-design sample chapter needs a season "
                        "and a season year."
                    )
                )
            if (
                sample.period_start
                and sample.period_end
                and sample.period_end < sample.period_start
            ):
                raise ValidationError(_("The production period ends before it starts."))

    @api.onchange("sample_type", "season", "season_year", "period_start", "period_end")
    def _onchange_period_warning(self):
        if self.period_outside_cycle:
            return {"warning": self._scm_cycle_warning()}

    def _scm_cycle_warning(self):
        self.ensure_one()
        return {
            "title": _("Production period outside the cycle"),
            "message": _(
                "The manual's cycle for %(type)s %(season)s %(year)s is "
                "%(start)s to %(end)s.",
                type=dict(self._fields["sample_type"]._description_selection(self.env))[
                    self.sample_type
                ],
                season=dict(self._fields["season"]._description_selection(self.env))[
                    self.season
                ],
                year=self.season_year,
                start=self.cycle_start,
                end=self.cycle_end,
            ),
        }

    def _scm_post_cycle_warnings(self):
        """Saving a period outside the cycle is allowed but leaves a warning."""
        for sample in self.filtered("period_outside_cycle"):
            sample.message_post(body=sample._scm_cycle_warning()["message"])

    def _scm_check_author(self):
        if self.env.su:
            return
        if not self.env.user.has_group(
            "scm_base.group_brand_manager"
        ) and not self.env.user.has_group("scm_base.group_brand_designer"):
            raise AccessError(
                _("Only the Brand Operation Center prepares sample chapters.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_author()
        samples = super().create(vals_list)
        samples._scm_post_cycle_warnings()
        return samples

    def write(self, vals):
        if not self.env.su and set(vals) - (RELEASED_WRITABLE):
            if any(sample.state == "released" for sample in self):
                raise UserError(_("A released sample chapter cannot be changed."))
            self._scm_check_author()
        was_outside = {s.id: s.period_outside_cycle for s in self}
        res = super().write(vals)
        self.filtered(
            lambda s: s.period_outside_cycle and not was_outside.get(s.id)
        )._scm_post_cycle_warnings()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_released(self):
        if any(sample.state == "released" for sample in self):
            raise UserError(_("A released sample chapter cannot be deleted."))

    # -- release --------------------------------------------------------------------
    def _scm_distribution_list(self):
        branches = self.env["res.company"].search([("scm_unit_type", "=", "branch")])
        return [
            {"recipient_company_id": branch.id, "copy_type": "electronic"}
            for branch in branches
        ]

    def action_release(self):
        """Release to every active branch (SAL-BRAND-01)."""
        if not (self.env.su or self.env.user.has_group("scm_base.group_brand_manager")):
            raise AccessError(
                _("Only the Brand Operation Center manager releases sample chapters.")
            )
        for sample in self:
            if sample.state != "draft":
                raise UserError(
                    _("%(doc)s was already released.", doc=sample.display_name)
                )
            if not (sample.description or sample.attachment_ids):
                raise UserError(
                    _(
                        "Add the content or the files of %(doc)s before releasing it.",
                        doc=sample.display_name,
                    )
                )
            sample._scm_step_write(
                {
                    "state": "released",
                    "released_date": fields.Datetime.now(),
                    "released_by_id": self.env.user.id,
                }
            )
            sample._scm_distribute()
        return True
