import json

from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError

APPROVAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Under Review"),
    ("approved", "Approved"),
    ("cancel", "Cancelled"),
]
REVIEW_DEADLINE_CODE = "ORG-RULE-09"
REVISION_DEADLINE_CODE = "ORG-RULE-13"


class ScmApprovalMixin(models.AbstractModel):
    """Tier validation with the manual's conventions.

    Submitting opens a review round: tiers are resolved from roles, unit and
    branch managers (and their delegates); each reviewer owes a decision
    within the tier's working days from receipt (ORG-RULE-09); all reviewers
    of a round must approve; a rejection needs a comment and returns the
    document to its author in draft (ORG-RULE-13). Every round, its submitted
    version and all opinions are kept (ORG-RULE-11)."""

    _name = "scm.approval.mixin"
    _description = "Approval Mixin"
    # The guard comes first: it refuses step fields before base_tier_validation
    # reacts to a state change.
    _inherit = ["scm.step.guard.mixin", "tier.validation", "scm.deadline.mixin"]

    _state_field = "state"
    _state_from = ["draft", "to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    # Fields recorded in each round's snapshot; by default every stored,
    # non-technical field of the document.
    _scm_snapshot_exclude = {
        "id",
        "state",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
        "message_main_attachment_id",
        "validation_status",
        "scm_approval_version",
    }

    state = fields.Selection(
        APPROVAL_STATES,
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    scm_approval_version = fields.Integer(
        string="Version",
        copy=False,
        readonly=True,
        help="How many times the document was submitted for approval.",
    )
    scm_approval_round_ids = fields.One2many(
        "scm.approval.round",
        "res_id",
        string="Approval Rounds",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
        readonly=True,
    )

    # -- guard ----------------------------------------------------------------
    def _scm_step_field_names(self):
        # The approval state follows only from the reviews (ORG-RULE-11).
        return super()._scm_step_field_names() | {"state", "scm_approval_version"}

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        # base_tier_validation lets these context keys switch off its "no
        # edits under review" lock; a client may send any context.
        locked = self.with_context(
            skip_validation_check=False, skip_check_state_condition=False
        )
        return super(ScmApprovalMixin, locked).write(vals)

    def request_validation(self):
        if not self.env.su:
            raise UserError(_("Use Submit for Approval: it opens the review round."))
        return super().request_validation()

    def restart_validation(self):
        if not self.env.su:
            raise UserError(
                _(
                    "A review round is closed by its decisions or withdrawn by "
                    "its author; it cannot be restarted by hand."
                )
            )
        return super().restart_validation()

    # -- view -----------------------------------------------------------------
    def _add_tier_validation_buttons(self, node, params):
        str_element = self.env["ir.qweb"]._render(
            "scm_base.scm_approval_buttons", params
        )
        return etree.fromstring(str_element)

    def _add_comment(self, validate_reject, reviews):
        # base_tier_validation titles the dialog "Comment" whatever the
        # decision; the reviewer must see which decision the dialog confirms.
        action = super()._add_comment(validate_reject, reviews)
        if validate_reject == "reject":
            action["name"] = _("Reject %(doc)s", doc=self.display_name)
        else:
            action["name"] = _("Approve %(doc)s", doc=self.display_name)
        return action

    # -- hooks for the documents ------------------------------------------------
    def _scm_approval_check_submit(self):
        """Raise a UserError when the document is not ready to submit."""

    def _scm_approval_on_approved(self):
        """Called once every reviewer of the round approved."""

    def _scm_approval_on_rejected(self):
        """Called after a rejection returned the document to draft."""

    def _scm_revision_deadline(self):
        """(working days, rule code) the author has to revise, or False."""
        return False

    def _scm_revision_rule(self):
        revision = self._scm_revision_deadline()
        return revision and revision[1] or REVISION_DEADLINE_CODE

    def _scm_approval_author(self):
        self.ensure_one()
        current = self._scm_current_round()
        return current.submitted_by_id or self.create_uid

    # -- rounds -------------------------------------------------------------------
    def _scm_current_round(self):
        self.ensure_one()
        return self.scm_approval_round_ids.sorted("version", reverse=True)[:1]

    def _scm_snapshot(self):
        names = [
            name
            for name, field in self._fields.items()
            if field.store
            and not field.compute
            and field.type not in ("one2many", "binary", "html")
            and name not in self._scm_snapshot_exclude
            and not name.startswith(("message_", "activity_"))
        ]
        values = self.read(names)[0]
        values.pop("id", None)
        return json.dumps(values, default=str, ensure_ascii=False, indent=1)

    def action_scm_submit(self):
        for record in self:
            if record.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s is not a draft: only a draft can be submitted "
                        "for approval.",
                        doc=record.display_name,
                    )
                )
            record._scm_approval_check_submit()
            if record.review_ids:
                record.sudo().restart_validation()
            version = record.scm_approval_version + 1
            record.sudo().with_context(skip_validation_check=True).write(
                {"state": "to_approve", "scm_approval_version": version}
            )
            reviews = record.sudo().request_validation()
            if not reviews:
                raise UserError(
                    _(
                        "No approval step applies to %(doc)s: ask an "
                        "administrator to configure its approval tiers.",
                        doc=record.display_name,
                    )
                )
            self.env["scm.approval.round"].sudo().create(
                {
                    "res_model": record._name,
                    "res_id": record.id,
                    "res_name": record.display_name,
                    "company_id": record._scm_company().id,
                    "version": version,
                    "submitted_by_id": self.env.user.id,
                    "submitted_date": fields.Datetime.now(),
                    "snapshot": record._scm_snapshot(),
                }
            )
            record._scm_deadline_close(record._scm_revision_rule())
            record.sudo().activity_feedback(
                ["scm_base.mail_activity_type_scm_revision"]
            )
            record._scm_open_review_deadlines()
        return self._scm_next_step_notification("submit")

    def _scm_open_review_deadlines(self):
        """Each review that reached its reviewers starts their clock."""
        self.ensure_one()
        open_for = self._scm_deadlines(REVIEW_DEADLINE_CODE).mapped("user_id")
        reviews = self.sudo().review_ids
        # base_tier_validation moves reviews from waiting to pending lazily.
        reviews._compute_can_review()
        for review in reviews.filtered(lambda r: r.status == "pending"):
            owner = review._scm_base_reviewers()[:1]
            if not owner or owner in open_for:
                continue
            self._scm_deadline_open(
                REVIEW_DEADLINE_CODE,
                _("Review: %(step)s", step=review.name),
                owner,
                amount=review.definition_id.scm_review_days,
            )
            open_for |= owner

    def _scm_record_decisions(self, reviews):
        current = self._scm_current_round()
        opinion_model = self.env["scm.approval.opinion"].sudo()
        for review in reviews:
            assigned = review._scm_base_reviewers()
            on_behalf = False
            if review.done_by and review.done_by not in assigned:
                on_behalf = (
                    self.env["scm.delegation"]._scm_delegators(
                        review.done_by, self._name
                    )
                    & assigned
                )[:1].id
            opinion_model.create(
                {
                    "round_id": current.id,
                    "tier_name": review.name,
                    "reviewer_id": review.done_by.id,
                    "on_behalf_of_id": on_behalf,
                    "decision": review.status,
                    "comment": review.comment,
                    "decided_date": review.reviewed_date,
                }
            )
            self._scm_deadline_close(REVIEW_DEADLINE_CODE, user=assigned)

    # -- decisions --------------------------------------------------------------
    def _scm_my_reviews(self):
        """The current user's undecided reviews whose turn it is."""
        self.ensure_one()
        user = self.env.user
        sequences = self._get_sequences_to_approve(user)
        return (
            self.sudo()
            .review_ids.filtered(
                lambda r: (
                    r.status in ("waiting", "pending")
                    and user in r.reviewer_ids
                    and r.sequence in sequences
                )
            )
            .with_env(self.env)
        )

    def _scm_nothing_to_decide(self):
        return UserError(
            _(
                "You have nothing to approve on %(doc)s now: you are not its "
                "approver, or it is not your turn yet.",
                doc=self.display_name,
            )
        )

    def _scm_check_my_turn(self):
        """The current user's reviews whose turn it is, on a document under
        review: a decision is given only by such a reviewer (or delegate);
        anyone else gets the document's `_scm_nothing_to_decide` refusal."""
        self.ensure_one()
        mine = self._scm_my_reviews() if self.state == "to_approve" else None
        if not mine:
            raise self._scm_nothing_to_decide()
        return mine

    def validate_tier(self):
        """Approve the current user's reviews, through the comment dialog
        when the tier asks for a comment."""
        self.ensure_one()
        mine = self._scm_check_my_turn()
        if self.has_comment:
            action = self._add_comment("validate", mine)
            action["context"]["default_comment"] = (
                mine[:1].sudo().definition_id.comment_approve_default or ""
            )
            return action
        self._validate_tier(mine)
        self._update_counter({"review_deleted": True})
        return self._scm_next_step_notification("approve")

    def reject_tier(self):
        """Always ask for the reason: a rejection without one is refused."""
        self.ensure_one()
        return self._add_comment("reject", self._scm_check_my_turn())

    def _scm_undecided(self):
        return self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        if self.state != "to_approve":
            raise UserError(_("Only a document under review can be approved."))
        # The comment dialog and internal callers arrive here directly.
        self._scm_check_my_turn()
        before = self._scm_undecided()
        # The reviews are written by the approval machinery itself; the
        # decision stays the current user's (env.user is kept under sudo).
        res = super(ScmApprovalMixin, self.sudo())._validate_tier(
            tiers and tiers.sudo()
        )
        decided = before.filtered(lambda r: r.status == "approved")
        self._scm_record_decisions(decided)
        if self.validation_status == "validated":
            current = self._scm_current_round()
            current.sudo().write(
                {"state": "approved", "decided_date": fields.Datetime.now()}
            )
            self.sudo().write({"state": "approved"})
            self._scm_approval_on_approved()
        else:
            self._scm_open_review_deadlines()
        return res

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        if self.state != "to_approve":
            raise UserError(_("Only a document under review can be rejected."))
        mine = (tiers or self.review_ids).filtered(
            lambda r: (
                r.status in ("waiting", "pending") and self.env.user in r.reviewer_ids
            )
        )
        if not mine:
            raise UserError(
                _("You are not a reviewer of %(doc)s.", doc=self.display_name)
            )
        if any(not (r.comment or "").strip() for r in mine):
            raise UserError(
                _("A rejection needs a comment that tells the author what to revise.")
            )
        before = self._scm_undecided()
        res = super(ScmApprovalMixin, self.sudo())._rejected_tier(
            tiers and tiers.sudo()
        )
        self._scm_close_round("rejected", before)
        author = self._scm_approval_author()
        reason = "; ".join(mine.mapped("comment"))
        self.sudo().with_context(skip_validation_check=True).write({"state": "draft"})
        # The round's reviews live on in the history; clearing them unlocks
        # the draft for revision.
        self.sudo().restart_validation()
        self.sudo().message_post(
            body=_(
                "Rejected by %(user)s, returned to %(author)s for revision: %(reason)s",
                user=self.env.user.name,
                author=author.name,
                reason=reason,
            )
        )
        revision = self._scm_revision_deadline()
        if revision:
            self._scm_deadline_open(
                self._scm_revision_rule(),
                _("Revise and resubmit"),
                author,
                amount=revision[0],
            )
        else:
            self.sudo().activity_schedule(
                "scm_base.mail_activity_type_scm_revision",
                summary=_("Revise and resubmit"),
                note=reason,
                user_id=author.id,
            )
        self._scm_approval_on_rejected()
        return res

    def action_scm_decide(self, decision, comment):
        """Approve or reject as the current user with the comment, as the
        comment dialog of the form does (for imports, integrations and demo
        data)."""
        self.ensure_one()
        if decision not in ("approve", "reject"):
            raise UserError(_("An approval decision is either approve or reject."))
        if not isinstance(comment, str) or not comment.strip():
            raise UserError(_("Write the reason of your decision."))
        mine = self._scm_my_reviews()
        if self.state != "to_approve" or not mine:
            raise self._scm_nothing_to_decide()
        mine.sudo().write({"comment": comment.strip()})
        if decision == "approve":
            self._validate_tier(mine)
        else:
            self._rejected_tier(mine)
        self._update_counter({"review_deleted": True})
        return self._scm_next_step_notification(decision)

    def _scm_close_round(self, outcome, undecided):
        current = self._scm_current_round()
        rejected = undecided.filtered(lambda r: r.status == "rejected")
        self._scm_record_decisions(rejected)
        opinion_model = self.env["scm.approval.opinion"].sudo()
        for review in undecided - rejected:
            opinion_model.create(
                {
                    "round_id": current.id,
                    "tier_name": review.name,
                    "reviewer_id": review._scm_base_reviewers()[:1].id,
                    "decision": "not_reviewed",
                    "decided_date": fields.Datetime.now(),
                }
            )
        self._scm_deadline_cancel(REVIEW_DEADLINE_CODE)
        current.sudo().write({"state": outcome, "decided_date": fields.Datetime.now()})

    def action_scm_withdraw(self):
        """The author takes a document back from review before a decision."""
        for record in self.filtered(lambda r: r.state == "to_approve"):
            if self.env.user != record._scm_approval_author() and not self.env.su:
                raise UserError(
                    _(
                        "Only %(author)s, who submitted %(doc)s, can withdraw it "
                        "from review.",
                        author=record._scm_approval_author().name,
                        doc=record.display_name,
                    )
                )
            record._scm_close_round("withdrawn", record._scm_undecided())
            record.sudo().with_context(skip_validation_check=True).write(
                {"state": "draft"}
            )
            record.sudo().restart_validation()
        return True

    def action_scm_print_approval_history(self):
        self.ensure_one()
        return self.env.ref(
            "scm_base.action_report_scm_approval_history"
        ).report_action(self.scm_approval_round_ids)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reviewed(self):
        for record in self:
            if (
                record.state in ("to_approve", "approved")
                or record.scm_approval_round_ids
            ):
                raise UserError(
                    _(
                        "%(doc)s went through approval and cannot be deleted; "
                        "cancel it instead.",
                        doc=record.display_name,
                    )
                )

    # -- what happened and who acts next -----------------------------------------
    def _scm_next_step_actors(self):
        """Who owes the next step, as [(user, what they owe)]. Documents may
        override it to name their next actor. Under review: the reviewers
        whose turn it is, with their tier; otherwise whoever has an open
        activity on the document (each step schedules one for the person who
        owes the next move, the author's revision included)."""
        self.ensure_one()
        record = self.sudo()
        if record.state == "to_approve":
            reviews = record.review_ids
            # base_tier_validation moves reviews from waiting to pending lazily.
            reviews._compute_can_review()
            return [
                (user, review.name)
                for review in reviews.filtered(lambda r: r.status == "pending")
                for user in (review._scm_base_reviewers() or review.reviewer_ids)[:1]
            ]
        return [
            (activity.user_id, activity.summary or activity.activity_type_id.name)
            for activity in record.activity_ids
            if activity.user_id
        ]

    def _scm_next_step_text(self):
        """'王市场 (Market Center Manager approval), …' for the next actors."""
        steps_by_user = {}
        for record in self:
            for user, step in record._scm_next_step_actors():
                steps = steps_by_user.setdefault(user, [])
                if step and step not in steps:
                    steps.append(step)
        return ", ".join(
            self.env._("%(user)s (%(step)s)", user=user.name, step="; ".join(steps))
            if steps
            else user.name
            for user, steps in steps_by_user.items()
        )

    def _scm_next_step_notification(self, event):
        """The client action a submit / approve / reject button returns: a
        notification saying what happened and who acts next, then the form
        reloads (the dialog, if any, closes)."""
        doc = self[:1].display_name if len(self) == 1 else self.env._("The documents")
        following = self._scm_next_step_text()
        notice_type = "success"
        if event == "submit":
            message = (
                self.env._(
                    "Submitted for approval, waiting for %(next)s.",
                    next=following,
                )
                if following
                else self.env._("Submitted for approval.")
            )
        elif event == "reject":
            notice_type = "warning"
            message = (
                self.env._(
                    "Rejected and returned for revision to %(next)s.",
                    next=following,
                )
                if following
                else self.env._("Rejected and returned to its author for revision.")
            )
        elif any(record.state == "to_approve" for record in self):
            message = (
                self.env._("Approved. Still waiting for %(next)s.", next=following)
                if following
                else self.env._("Approved.")
            )
        else:
            message = (
                self.env._(
                    "Approved: the approval is complete. Next: %(next)s.",
                    next=following,
                )
                if following
                else self.env._("Approved: the approval is complete.")
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": doc,
                "message": message,
                "type": notice_type,
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
