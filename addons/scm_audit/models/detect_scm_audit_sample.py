import hashlib
import random

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# The rules a stage acceptance answers to: the customer project's
# 《项目实施验收单》 signed by the customer after the run-in (PRJ-SC-08), a
# brand project stage's acceptance form (PRJ-BRD-06).
PROJECT_ACCEPTANCE_RULE = "PRJ-SC-08"
BRAND_ACCEPTANCE_RULE = "PRJ-BRD-06"
# The seed is drawn from the system's entropy at draw time (a positive
# 31-bit integer, stored as it is).
SEED_MAX = 2**31 - 1
# Fields of a sample the Audit Dept sets before the draw.
DRAFT_FIELDS = {"sample_size", "company_id", "date_from", "date_to", "note"}


class ScmAuditSample(models.Model):
    """A random sample of stage acceptance forms (AUD-CTR-01): the Audit Dept
    picks N forms (optionally of one branch and one period) among the signed
    stage acceptance forms and the stages due without one; the draw uses
    Python's `random.Random(seed)` with a seed drawn at that moment and logged
    on the sample with the population's size and fingerprint, so that the
    draw can be reproduced. A sample is drawn once. Each stage drawn without
    its form, and each form the auditor finds wanting, is proposed as a
    finding in the work queue."""

    _name = "scm.audit.sample"
    _description = "Random Sample of Stage Acceptance Forms"
    _inherit = ["mail.thread", "scm.step.guard.mixin", "scm.audit.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "name",
        "state",
        "seed",
        "population_size",
        "population_digest",
        "drawn_by_id",
        "drawn_date",
    )

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    sample_size = fields.Integer(
        string="Forms to Draw",
        required=True,
        default=5,
        tracking=True,
        help="N: how many forms or stages are drawn at random.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        index=True,
        tracking=True,
        help="Only the forms and stages of this branch; all when empty.",
    )
    date_from = fields.Date(string="From", tracking=True)
    date_to = fields.Date(string="To", tracking=True)
    note = fields.Text(string="Purpose")
    state = fields.Selection(
        [("draft", "To Draw"), ("drawn", "Under Check"), ("done", "Checked")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    seed = fields.Integer(
        readonly=True,
        copy=False,
        help="The seed of random.Random drawn at the draw: the same seed on the "
        "same population draws the same forms.",
    )
    population_size = fields.Integer(string="Population", readonly=True, copy=False)
    population_digest = fields.Char(
        string="Population Fingerprint",
        readonly=True,
        copy=False,
        help="SHA-256 of the population's records in the order drawn from.",
    )
    drawn_by_id = fields.Many2one("res.users", readonly=True)
    drawn_date = fields.Datetime(string="Drawn On", readonly=True, copy=False)
    line_ids = fields.One2many("scm.audit.sample.line", "sample_id", string="Drawn")
    line_count = fields.Integer(string="Lines Drawn", compute="_compute_counts")
    to_check_count = fields.Integer(string="To Check", compute="_compute_counts")
    failed_count = fields.Integer(string="Proposed", compute="_compute_counts")

    def _compute_counts(self):
        groups = self.env["scm.audit.sample.line"]._read_group(
            [("sample_id", "in", self.ids)], ["sample_id", "state"], ["__count"]
        )
        counts = {}
        for sample, state, count in groups:
            counts.setdefault(sample.id, {})[state] = count
        for sample in self:
            mine = counts.get(sample.id, {})
            sample.line_count = sum(mine.values())
            sample.to_check_count = mine.get("to_check", 0)
            sample.failed_count = mine.get("failed", 0)

    @api.depends("name", "company_id")
    def _compute_display_name(self):
        for sample in self:
            name = sample.name if sample.name != "/" else _("New Sample")
            unit = sample.company_id.sudo().name
            sample.display_name = f"{name} {unit}" if unit else name

    @api.constrains("sample_size", "date_from", "date_to")
    def _check_values(self):
        for sample in self:
            if sample.sample_size < 1:
                raise UserError(_("Draw at least one form."))
            if (
                sample.date_from
                and sample.date_to
                and sample.date_to < sample.date_from
            ):
                raise UserError(_("The period ends before it starts."))

    # -- CRUD: the Audit Dept's, and a drawn sample is kept ----------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_auditor(_("draw a random sample"))
        samples = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for sample in samples:
            sample._scm_step_write(
                {"name": sequence.next_by_code("scm.audit.sample") or "/"}
            )
        return samples

    def write(self, vals):
        if not self.env.su:
            keys = vals.keys() - self._scm_chatter_fields()
            if keys:
                self._scm_check_auditor(_("change a random sample"))
            if keys & DRAFT_FIELDS:
                for sample in self:
                    if sample.state != "draft":
                        raise UserError(
                            _(
                                "%(doc)s was drawn: its size, branch and period "
                                "are kept with its seed.",
                                doc=sample.display_name,
                            )
                        )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        for sample in self:
            if sample.state != "draft":
                raise UserError(
                    _("%(doc)s was drawn and is kept.", doc=sample.display_name)
                )

    # -- the population (scm_projects) -------------------------------------------------
    def _scm_period_domain(self, field):
        self.ensure_one()
        domain = []
        if self.date_from:
            domain.append((field, ">=", self.date_from))
        if self.date_to:
            domain.append((field, "<=", self.date_to))
        return domain

    def _scm_company_domain(self, field="company_id"):
        self.ensure_one()
        return [(field, "=", self.company_id.id)] if self.company_id else []

    def _scm_population(self):
        """The records the sample draws from, in a stable order (model, id):
        the signed stage acceptance forms (《项目实施验收单》 signed by the
        customer, the brand stages' accepted forms) and the stages due without
        one (a customer project whose run-in has ended without a signed
        acceptance, a brand stage past its latest end or its acceptance
        deadline). Each item: res_model, res_id, has_form, the date of the
        form or the due date, the branch, the person who answers for it and
        the rule."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        env = self.env(su=True)
        items = []
        acceptances = env["scm.project.acceptance"].search(
            [("customer_signed_date", "!=", False)]
            + self._scm_company_domain()
            + self._scm_period_domain("customer_signed_date"),
            order="id",
        )
        for form in acceptances:
            items.append(
                {
                    "res_model": form._name,
                    "res_id": form.id,
                    "res_name": form.display_name,
                    "has_form": True,
                    "date": form.customer_signed_date,
                    "company_id": form.company_id.id,
                    "user_id": form.project_id.user_id.id,
                    "rule_code": PROJECT_ACCEPTANCE_RULE,
                }
            )
        projects = env["project.project"].search(
            [
                ("scm_contract_id", "!=", False),
                ("scm_phase", "=", "runin"),
                ("scm_runin_end", "<", today),
                (
                    "scm_acceptance_ids",
                    "not any",
                    [("customer_signed_date", "!=", False)],
                ),
            ]
            + self._scm_company_domain()
            + self._scm_period_domain("scm_runin_end"),
            order="id",
        )
        for project in projects:
            items.append(
                {
                    "res_model": project._name,
                    "res_id": project.id,
                    "res_name": project.display_name,
                    "has_form": False,
                    "date": project.scm_runin_end,
                    "company_id": project.company_id.id,
                    "user_id": project.user_id.id,
                    "rule_code": PROJECT_ACCEPTANCE_RULE,
                }
            )
        brand_forms = env["scm.brand.acceptance"].search(
            [("state", "=", "closed")]
            + self._scm_company_domain()
            + self._scm_period_domain("closed_date"),
            order="id",
        )
        owner = self._scm_brand_owner() if brand_forms else env["res.users"]
        for form in brand_forms:
            items.append(
                {
                    "res_model": form._name,
                    "res_id": form.id,
                    "res_name": form.display_name,
                    "has_form": True,
                    "date": form.closed_date,
                    "company_id": form.company_id.id,
                    "user_id": owner.id,
                    "rule_code": BRAND_ACCEPTANCE_RULE,
                }
            )
        stages = env["scm.brand.stage"].search(
            [
                "|",
                "&",
                ("state", "=", "in_progress"),
                ("deadline_date", "<", today),
                "&",
                ("state", "=", "submitted"),
                ("accept_deadline_date", "<", today),
            ]
            + self._scm_company_domain(),
            order="id",
        )
        if stages and not owner:
            owner = self._scm_brand_owner()
        for stage in stages:
            due = (
                stage.accept_deadline_date
                if stage.state == "submitted"
                else stage.deadline_date
            )
            if (self.date_from and due < self.date_from) or (
                self.date_to and due > self.date_to
            ):
                continue
            items.append(
                {
                    "res_model": stage._name,
                    "res_id": stage.id,
                    "res_name": f"{stage.brand_project_id.display_name} · {stage.name}",
                    "has_form": False,
                    "date": due,
                    "company_id": stage.company_id.id,
                    "user_id": owner.id,
                    "rule_code": BRAND_ACCEPTANCE_RULE,
                }
            )
        items.sort(key=lambda item: (item["res_model"], item["res_id"]))
        return items

    @api.model
    def _scm_brand_owner(self):
        """Who answers for the brand stages: the Brand Operation Center
        manager (scm_projects' `_scm_brand_owner`), none when the center has
        no manager with a user."""
        try:
            return self.env["scm.brand.project"].sudo()._scm_brand_owner()
        except ValidationError:
            return self.env["res.users"]

    @api.model
    def _scm_digest(self, population):
        keys = "\n".join(f"{item['res_model']},{item['res_id']}" for item in population)
        return hashlib.sha256(keys.encode()).hexdigest()

    @api.model
    def _scm_draw_items(self, population, seed, size):
        """The draw: `size` items of `population` (in its order) chosen by
        random.Random(seed), in the order drawn."""
        return random.Random(seed).sample(population, min(size, len(population)))

    # -- the draw ----------------------------------------------------------------------
    def action_draw(self):
        """Draw the sample, once: a new seed from the system's entropy, the
        population, the chosen records; the stages drawn without a form are
        proposed as findings at once."""
        self._scm_check_auditor(_("draw a random sample"))
        for sample in self:
            if sample.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was already drawn with seed %(seed)s: a sample is "
                        "not drawn again; make a new one.",
                        doc=sample.display_name,
                        seed=sample.seed,
                    )
                )
            population = sample._scm_population()
            if not population:
                raise UserError(
                    _(
                        "No signed stage acceptance form and no stage due "
                        "without one in the branch and period of %(doc)s.",
                        doc=sample.display_name,
                    )
                )
            seed = random.SystemRandom().randint(1, SEED_MAX)
            chosen = self._scm_draw_items(population, seed, sample.sample_size)
            self.env["scm.audit.sample.line"].sudo().create(
                [
                    {
                        "sample_id": sample.id,
                        "sequence": index,
                        "res_model": item["res_model"],
                        "res_id": item["res_id"],
                        "res_name": item["res_name"],
                        "has_form": item["has_form"],
                        "form_date": item["date"],
                        "company_id": item["company_id"],
                        "user_id": item["user_id"] or False,
                        "rule_code": item["rule_code"],
                    }
                    for index, item in enumerate(chosen, start=1)
                ]
            )
            sample._scm_step_write(
                {
                    "state": "drawn",
                    "seed": seed,
                    "population_size": len(population),
                    "population_digest": self._scm_digest(population),
                    "drawn_by_id": self.env.user.id,
                    "drawn_date": fields.Datetime.now(),
                }
            )
            sample.message_post(
                body=_(
                    "Drawn %(count)s of %(population)s with random.Random(%(seed)s) "
                    "(AUD-CTR-01).",
                    count=len(chosen),
                    population=len(population),
                    seed=seed,
                )
            )
            sample.line_ids.filtered(lambda line: not line.has_form)._scm_fail(
                _("The stage was due without a signed acceptance form.")
            )
            sample._scm_check_done()
        return True

    def _scm_redraw(self):
        """What the logged seed draws from the population as it stands: the
        same records as the sample's lines while the population is unchanged
        (its fingerprint is the logged one)."""
        self.ensure_one()
        population = self._scm_population()
        chosen = self._scm_draw_items(population, self.seed, self.sample_size)
        return [(item["res_model"], item["res_id"]) for item in chosen], (
            self._scm_digest(population)
        )

    def _scm_check_done(self):
        for sample in self:
            if sample.state == "drawn" and not sample.line_ids.filtered(
                lambda line: line.state == "to_check"
            ):
                sample._scm_step_write({"state": "done"})

    def action_open_proposals(self):
        self.ensure_one()
        return self._scm_window(
            "scm_audit.action_scm_audit_proposal",
            domain=[("id", "in", self.line_ids.proposal_id.ids)],
        )


class ScmAuditSampleLine(models.Model):
    """A record drawn in a random sample: the signed acceptance form (to be
    checked by the auditor) or the stage due without one (proposed as a
    finding at the draw)."""

    _name = "scm.audit.sample.line"
    _description = "Random Sample Line"
    _inherit = ["scm.step.guard.mixin", "scm.audit.mixin"]
    _order = "sample_id, sequence, id"
    _scm_step_fields = (
        "sample_id",
        "sequence",
        "res_model",
        "res_id",
        "res_name",
        "has_form",
        "form_date",
        "company_id",
        "user_id",
        "rule_code",
        "state",
        "proposal_id",
        "checked_by_id",
        "checked_date",
    )

    sample_id = fields.Many2one(
        "scm.audit.sample",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(string="Draw No.", readonly=True)
    res_model = fields.Char(string="Model", readonly=True, required=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", readonly=True, required=True
    )
    res_name = fields.Char(string="Form or Stage", readonly=True)
    has_form = fields.Boolean(
        string="Signed Form",
        readonly=True,
        help="A signed acceptance form exists; otherwise the stage was due "
        "without one.",
    )
    form_date = fields.Date(
        string="Signed or Due On",
        readonly=True,
        help="The day the form was signed, or the stage was due.",
    )
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    rule_code = fields.Char(string="Rule", readonly=True)
    state = fields.Selection(
        [
            ("to_check", "To Check"),
            ("checked", "Acceptance Fine"),
            ("failed", "Proposed as Finding"),
        ],
        default="to_check",
        required=True,
        readonly=True,
    )
    note = fields.Text(string="Check Note")
    proposal_id = fields.Many2one("scm.audit.proposal", readonly=True, index=True)
    checked_by_id = fields.Many2one("res.users", readonly=True)
    checked_date = fields.Datetime(string="Checked On", readonly=True)

    # -- CRUD: the draw makes the lines; the auditor writes the note -------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(_("The lines of a sample are drawn, not entered."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._scm_check_auditor(_("check a random sample"))
            for line in self:
                if line.state != "to_check":
                    raise UserError(
                        _(
                            "%(doc)s was already checked.",
                            doc=line.res_name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(_("The lines of a drawn sample are kept."))

    # -- the auditor's check -----------------------------------------------------------
    def _scm_check_open(self):
        self._scm_check_auditor(_("check a random sample"))
        for line in self:
            if line.state != "to_check":
                raise UserError(_("%(doc)s was already checked.", doc=line.res_name))

    def action_open_record(self):
        self.ensure_one()
        return self._scm_form(self.res_model, self.res_id)

    def action_mark_checked(self):
        """The acceptance was completed as the contract says."""
        self._scm_check_open()
        self._scm_step_write(
            {
                "state": "checked",
                "checked_by_id": self.env.user.id,
                "checked_date": fields.Datetime.now(),
            }
        )
        self.sample_id._scm_check_done()
        return True

    def action_mark_failed(self, note=None):
        """The form or the acceptance is wanting: the auditor's note says
        why, and the line is proposed as a finding."""
        self._scm_check_open()
        for line in self:
            reason = (note or line.note or "").strip()
            if not reason:
                raise UserError(
                    _(
                        "Write in the check note what is wrong with %(doc)s.",
                        doc=line.res_name,
                    )
                )
            line._scm_fail(reason)
        self.sample_id._scm_check_done()
        return True

    def _scm_fail(self, reason):
        """Propose the line as a finding (kind "sample") in the work queue;
        the same form or stage is one fact, whichever sample draws it."""
        Proposal = self.env["scm.audit.proposal"].sudo()
        for line in self:
            key = f"sample:{line.res_model}:{line.res_id}"
            sample = line.sample_id
            if line.has_form:
                title = _(
                    "Stage acceptance found wanting in random sample %(sample)s: "
                    "%(doc)s",
                    sample=sample.name,
                    doc=line.res_name,
                )
            else:
                title = _(
                    "Stage due without a signed acceptance form (random sample "
                    "%(sample)s): %(doc)s",
                    sample=sample.name,
                    doc=line.res_name,
                )
            proposal = Proposal._scm_propose(
                [
                    {
                        "name": title,
                        "kind": "sample",
                        "fact_key": key,
                        "description": _(
                            "%(reason)s (drawn as no. %(no)s of %(count)s from "
                            "%(population)s with seed %(seed)s, AUD-CTR-01)",
                            reason=reason,
                            no=line.sequence,
                            count=len(sample.line_ids),
                            population=sample.population_size,
                            seed=sample.seed,
                        ),
                        "rule_code": line.rule_code,
                        "user_id": line.user_id.id,
                        "company_id": line.company_id.id
                        or sample.company_id.id
                        or self.env.company.id,
                        "proposed_level": "1",
                        "res_model": line.res_model,
                        "res_id": line.res_id,
                        "res_name": line.res_name,
                    }
                ]
            ) or Proposal.with_context(active_test=False).search(
                [("fact_key", "=", key)], limit=1
            )
            values = {"state": "failed", "proposal_id": proposal.id}
            if line.has_form:
                values.update(
                    checked_by_id=self.env.user.id, checked_date=fields.Datetime.now()
                )
            line._scm_step_write(values)
            if line.has_form and reason != line.note:
                line.sudo().note = reason
