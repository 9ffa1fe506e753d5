"""The suite attacked as a client would: through the ORM as a demo user, with
the company selection the web client gives after login and with any context a
client can send.

The checks run over every `scm.*` model of every installed addon (these tests
run after all addons are installed), so a new addon's models join them by
construction: a model without a record rule or a written reason, a step field
that can be written from outside, a free-text field whose index breaks on
long text, a record without a display name."""

import pathlib
import re

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .attacks import FORGED_CONTEXT, client_env
from .common import ScmDocumentCase, china_today

# Models the tests register for themselves.
TEST_MODELS = {"scm.document.tester"}

# "index row requires 122 kB": what a btree index refuses.
LONG_TEXT = "长" * 100_000


def _scm_models(env):
    return [
        env[name]
        for name, model in env.registry.items()
        if name.startswith("scm.")
        and not model._abstract
        and not model._transient
        and name not in TEST_MODELS
    ]


def _guarded(model):
    """Whether the model inherits scm.step.guard.mixin."""
    return hasattr(model, "_scm_step_field_names")


def _shared_reasons():
    """Models a security file of an scm addon declares shared, with why:
    `<!-- shared: scm.model — reason -->`."""
    reasons = {}
    addons = pathlib.Path(get_module_path("scm_base")).parent
    for path in addons.glob("scm_*/security/*"):
        for model, reason in re.findall(
            r"shared:\s*([\w.]+)\s*[—-]+\s*([^\n>]+)", path.read_text()
        ):
            reasons[model] = reason.strip()
    return reasons


def _other_value(record, field):
    """A value different from the record's, of the field's type."""
    current = record[field.name]
    if field.type == "selection":
        values = [v for v, _label in field._description_selection(record.env)]
        return next((v for v in values if v != current), values[0])
    if field.type == "many2one":
        other = (
            record.env[field.comodel_name]
            .sudo()
            .search([("id", "!=", current.id)], limit=1)
        )
        return other.id
    if field.type == "boolean":
        return not current
    if field.type in ("integer", "float", "monetary"):
        return (current or 0) + 7
    if field.type == "date":
        return fields.Date.to_string(china_today())
    if field.type == "datetime":
        return fields.Datetime.to_string(fields.Datetime.now())
    if field.type in ("many2many", "one2many"):
        return [(5, 0, 0)]
    return "SCMS-FORGED-999"


@tagged("post_install", "-at_install", "scm_security")
class TestSecurityAttacks(ScmDocumentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")

    def as_client(self, user, **context):
        """The environment a logged-in user's browser gives: the user's own
        company active, Chinese, plus what the client chooses to send."""
        return client_env(self.env, user, forged=False, lang="zh_CN", **context)

    # -- every model ---------------------------------------------------------
    def test_org_role_every_model_has_a_rule_or_a_reason(self):
        """ORG-ROLE-12: every scm model is isolated by a record rule or says
        in its addon's security file why it is shared."""
        rules = self.env["ir.rule"].sudo().search([])
        ruled = set(rules.mapped("model_id.model"))
        reasons = _shared_reasons()
        access = set(
            self.env["ir.model.access"].sudo().search([]).mapped("model_id.model")
        )
        for model in _scm_models(self.env):
            with self.subTest(model=model._name):
                self.assertIn(model._name, access, "no access line")
                self.assertTrue(
                    model._name in ruled or reasons.get(model._name),
                    f"{model._name} has no record rule and no 'shared:' reason",
                )

    def test_org_role_rules_cover_delegated_parents(self):
        """ORG-ROLE-12: a document that extends an OCA record and skips the
        record's rules on its own lists (`_scm_rules_cover_inherits`) lets
        nobody see or change more than the record's own rules allow: for
        every user and every mode the access rights allow, each document the
        user's rules reach has its parents reached by the parents' rules.
        Checked over the demo's and the tests' records of every such model."""
        covering = [
            model
            for model in _scm_models(self.env)
            if getattr(model, "_scm_rules_cover_inherits", False)
        ]
        self.assertTrue(covering, "no model relies on covering its parents")
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [("share", "=", False), ("id", "!=", self.env.ref("base.user_root").id)]
            )
        )
        checked = 0
        for model in covering:
            self.assertTrue(model._inherits, f"{model._name} has no parent")
            children = model.sudo().with_context(active_test=False).search([])
            if not children:
                continue
            for user in users:
                client = self.as_client(user)
                rules = client["ir.rule"]
                for mode in ("read", "write", "create", "unlink"):
                    # rules matter to those the access rights let in at all
                    if not client["ir.model.access"].check(
                        model._name, mode, raise_exception=False
                    ):
                        continue
                    reached = children.filtered_domain(
                        rules._compute_domain(model._name, mode) or []
                    )
                    for parent_name, field_name in model._inherits.items():
                        parents = reached[field_name]
                        allowed = parents.filtered_domain(
                            rules._compute_domain(parent_name, mode) or []
                        )
                        with self.subTest(
                            model=model._name, user=user.login, mode=mode
                        ):
                            self.assertEqual(allowed, parents)
                        checked += len(parents)
        self.assertGreater(checked, 0, "no document was reached by any user")

    def test_org_rule_step_fields_refused_from_outside(self):
        """ORG-RULE-11: fields that record a decision, signature, number or
        stage are written only by their step: even the administrator, with
        every context key that once opened a guard, is refused."""
        tested = 0
        for model in _scm_models(self.env):
            if not _guarded(model):
                continue
            record = model.sudo().search([], limit=1, order="id desc")
            if not record:
                continue
            attacker = record.with_env(self.as_client(self.admin, **FORGED_CONTEXT))
            for name in sorted(model._scm_step_field_names()):
                field = model._fields[name]
                if not field.store:
                    continue
                value = _other_value(record, field)
                with self.subTest(model=model._name, field=name):
                    before = record[name]
                    with self.assertRaises(UserError):
                        attacker.write({name: value})
                    record.invalidate_recordset([name])
                    self.assertEqual(record[name], before)
                    tested += 1
        self.assertGreater(tested, 10, "the step fields were not exercised")

    def test_org_role_no_branch_move_by_edit(self):
        """ORG-ROLE-27: a document does not move to another branch by writing
        its company."""
        for model in _scm_models(self.env):
            if not _guarded(model) or "company_id" not in model._fields:
                continue
            record = model.sudo().search([("company_id", "!=", False)], limit=1)
            if not record:
                continue
            target = self.beijing if record.company_id != self.beijing else self.wuhan
            with self.subTest(model=model._name):
                with self.assertRaises(UserError):
                    record.with_env(self.as_client(self.admin)).write(
                        {"company_id": target.id}
                    )

    def test_free_text_indexes_accept_any_text(self):
        """A user can type 100,000 characters into a name: indexed free-text
        fields use trigram indexes, which have no row size limit."""
        for model in _scm_models(self.env):
            steps = model._scm_step_field_names() if _guarded(model) else set()
            for name, field in model._fields.items():
                if (
                    field.type in ("char", "text")
                    and field.store
                    and not field.compute
                    and not field.related
                    and field.index in (True, "btree")
                    and name not in steps
                    and name != "res_model"
                    and not field.readonly
                ):
                    with self.subTest(model=model._name, field=name):
                        self.fail(
                            f"{model._name}.{name} is a free-text field with a "
                            "btree index: use index='trigram'"
                        )

    def test_every_record_has_a_display_name(self):
        """No screen shows "scm.model,4" for a record."""
        for model in _scm_models(self.env):
            record = model.sudo().search([], limit=1)
            if not record:
                continue
            with self.subTest(model=model._name):
                self.assertNotRegex(
                    record.with_context(lang="zh_CN").display_name or "",
                    rf"^{re.escape(model._name)},\d+$",
                )

    # -- approvals -----------------------------------------------------------
    def submitted(self):
        doc = self.new_document(self.users["wh.consultant"])
        doc.with_user(self.users["wh.consultant"]).action_scm_submit()
        return doc

    def test_org_rule_13_reviews_cannot_be_forged(self):
        """ORG-RULE-13: a review is decided only by its reviewer, through the
        decision method: writing its status, creating an approved review or
        deleting reviews is refused to everybody, whatever the context."""
        doc = self.submitted()
        review = doc.review_ids[:1]
        for login in ("bj.manager", "wh.consultant", "audit.staff", "wh.manager"):
            env = self.as_client(self.users[login], **FORGED_CONTEXT)
            with self.subTest(login=login):
                with self.assertRaises(AccessError):
                    review.with_env(env).write({"status": "approved"})
                with self.assertRaises(AccessError):
                    review.with_env(env).unlink()
                with self.assertRaises(AccessError):
                    env["tier.review"].create(
                        {
                            "model": doc._name,
                            "res_id": doc.id,
                            "definition_id": review.definition_id.id,
                            "status": "approved",
                        }
                    )
                with self.assertRaises(UserError):
                    doc.with_env(env).write({"state": "approved"})
        with self.assertRaises(AccessError):
            review.with_env(self.as_client(self.admin)).write({"status": "approved"})
        self.assertEqual(doc.state, "to_approve")
        self.assertTrue(review.exists())
        self.assertIn(review.status, ("waiting", "pending"))

    def test_org_rule_13_only_the_reviewer_decides(self):
        """ORG-RULE-13: a user who is not the reviewer cannot approve through
        the document's buttons, the comment dialog with forged review ids, or
        the decision method."""
        doc = self.submitted()
        outsider = self.users["bj.manager"]
        env = self.as_client(outsider, **FORGED_CONTEXT)
        with self.assertRaises(UserError):
            doc.with_env(env).validate_tier()
        with self.assertRaises(UserError):
            doc.with_env(env).action_scm_decide("approve", "同意")
        wizard = env["comment.wizard"].create(
            {
                "res_model": doc._name,
                "res_id": doc.id,
                "review_ids": [(6, 0, doc.review_ids.ids)],
                "validate_reject": "validate",
                "comment": "同意",
            }
        )
        with self.assertRaises(UserError):
            wizard.add_comment()
        for method in ("request_validation", "restart_validation"):
            with self.assertRaises(UserError):
                getattr(doc.with_env(env), method)()
        self.assertFalse(doc.review_ids.filtered(lambda r: r.status == "approved"))
        self.assertEqual(doc.state, "to_approve")

    def test_org_rule_13_only_the_author_withdraws(self):
        """ORG-RULE-13: a document under review is withdrawn by its author
        only."""
        doc = self.submitted()
        with self.assertRaises(UserError):
            doc.with_env(self.as_client(self.users["wh.manager"])).action_scm_withdraw()
        self.assertEqual(doc.state, "to_approve")
        doc.with_env(self.as_client(self.users["wh.consultant"])).action_scm_withdraw()
        self.assertEqual(doc.state, "draft")

    def test_org_rule_11_history_cannot_be_rewritten(self):
        """ORG-RULE-11: approval rounds and opinions are neither edited nor
        deleted, even by the administrator."""
        doc = self.submitted()
        self.approve(doc, self.users["wh.manager"])
        rounds = doc.scm_approval_round_ids
        opinions = rounds.opinion_ids
        self.assertTrue(opinions)
        env = self.as_client(self.admin, **FORGED_CONTEXT)
        with self.assertRaises(UserError):
            rounds.with_env(env).write({"state": "approved"})
        with self.assertRaises(UserError):
            opinions.with_env(env).write({"decision": "rejected"})
        with self.assertRaises(UserError):
            opinions.with_env(env).unlink()
        with self.assertRaises(UserError):
            rounds.with_env(env).unlink()

    # -- recipients ----------------------------------------------------------
    def test_org_rule_08_recipient_is_a_person_or_unit(self):
        """ORG-RULE-08: a copy addressed to the Wuhan branch is received by
        Wuhan's people, not by an HQ user who may open every branch."""
        doc = self.new_document(self.users["wh.consultant"])
        line = (
            self.env["scm.distribution"]
            .sudo()
            .create(
                {
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "res_name": doc.display_name,
                    "company_id": self.wuhan.id,
                    "recipient_company_id": self.wuhan.id,
                    "copy_type": "copy",
                    "sent_at": fields.Datetime.now(),
                }
            )
        )
        for login in ("audit.staff", "msd.manager", "bj.manager"):
            with self.subTest(login=login):
                with self.assertRaises(UserError):
                    line.with_env(
                        self.as_client(self.users[login], **FORGED_CONTEXT)
                    ).action_mark_received()
        self.assertFalse(line.received_at)
        line.with_env(self.as_client(self.users["wh.manager"])).action_mark_received()
        self.assertEqual(line.received_by_id, self.users["wh.manager"])

    # -- office meeting ----------------------------------------------------------
    def test_org_unit_04_resolution_recorded_once(self):
        """ORG-UNIT-04: the Office Meeting's resolution is recorded by the
        secretary who creates it, and its outcome and document never change
        afterwards, whatever the context."""
        # The Office Meeting's secretary is a demo user of scm_sales.
        secretary = self.env.ref(
            "scm_sales.user_office_secretary", raise_if_not_found=False
        )
        if not secretary:
            self.skipTest("scm_sales' demo users are not installed")
        env = self.as_client(secretary, **FORGED_CONTEXT)
        doc = self.new_document()
        with self.assertRaises(UserError):
            env["scm.office.resolution"].create(
                {
                    "name": "关于武汉方案的决议",
                    "outcome": "approved",
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "recorded_by_id": self.users["president"].id,
                }
            )
        resolution = env["scm.office.resolution"].create(
            {
                "name": "关于武汉方案的决议",
                "outcome": "deferred",
                "res_model": doc._name,
                "res_id": doc.id,
            }
        )
        self.assertEqual(resolution.recorded_by_id, secretary)
        for values in (
            {"outcome": "approved"},
            {"res_id": doc.id + 1},
            {"recorded_by_id": self.users["president"].id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                resolution.write(values)
        self.assertEqual(resolution.outcome, "deferred")
        resolution.write({"minutes": "<p>会议纪要</p>"})
