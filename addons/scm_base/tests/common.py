from datetime import datetime

import pytz
from odoo_test_helper import FakeModelLoader

from odoo import Command, fields
from odoo.tests import TransactionCase

COMPANY_TZ = "Asia/Shanghai"


def china_today():
    """Today where the company works, as its users' steps and the system's
    jobs count it. The server's UTC date is still yesterday from 16:00 UTC
    on: a test that takes the UTC date for today fails every evening in
    Europe (and passes in the morning)."""
    return datetime.now(pytz.timezone(COMPANY_TZ)).date()


def users_read_english(env):
    """The tests assert messages in English, and the demo users read
    Simplified Chinese: a message raised for a user is translated into that
    user's language when the context names none, so the tests' users work in
    English. Each addon's test_i18n checks what a zh_CN user reads."""
    env["res.lang"]._activate_lang("en_US")
    env["res.users"].with_context(active_test=False).search(
        [("share", "=", False), ("lang", "!=", "en_US")]
    ).write({"lang": "en_US"})


class ScmBaseCase(TransactionCase):
    """Demo users and companies of scm_base, by short names."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.hq = ref("base.main_company")
        cls.wuhan = ref("scm_base.company_wh")
        cls.beijing = ref("scm_base.company_bj")
        cls.wuxi = ref("scm_base.company_wx")
        cls.users = {
            login: ref(f"scm_base.user_{login.replace('.', '_')}")
            for login in (
                "president",
                "mc.manager",
                "msd.manager",
                "audit.staff",
                "finance.staff",
                "wh.manager",
                "wh.consultant",
                "wh.consultant2",
                "bj.manager",
                "bj.consultant",
            )
        }
        cls.workday = cls.env["scm.workday"]

    @staticmethod
    def local_today(user):
        """Today where `user` works (their time zone, China for the demo):
        from 16:00 UTC on, that is already tomorrow on the server's clock."""
        return fields.Date.context_today(user.with_user(user))

    def reject(self, document, user, comment):
        """Reject as `user` through the comment wizard, as the UI does."""
        doc = document.with_user(user)
        action = doc.reject_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment})
        )
        wizard.add_comment()

    def approve(self, document, user, comment="同意"):
        action = document.with_user(user).validate_tier()
        if action:
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()


class ScmDocumentCase(ScmBaseCase):
    """Adds `scm.document.tester`, a document with every mixin, and its tiers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .scm_document_tester import ScmDocumentTester

        cls.loader.update_registry((ScmDocumentTester,))
        cls.addClassCleanup(cls.loader.restore_registry)
        cls.Document = cls.env["scm.document.tester"]
        cls.doc_model = cls.env["ir.model"]._get("scm.document.tester")
        cls.env["ir.model.access"].create(
            {
                "name": "access scm.document.tester",
                "model_id": cls.doc_model.id,
                "group_id": cls.env.ref("scm_base.group_scm_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": True,
            }
        )
        Tier = cls.env["tier.definition"]
        # No company: the tiers apply to the documents of every branch.
        common = {
            "model_id": cls.doc_model.id,
            "has_comment": True,
            "company_id": False,
        }
        cls.tier_branch = Tier.create(
            {
                **common,
                "name": "Branch manager review",
                "review_type": "scm_branch_manager",
                "sequence": 30,
                "scm_review_days": 1,
            }
        )
        cls.tier_msd = Tier.create(
            {
                **common,
                "name": "MSD review",
                "review_type": "scm_unit_manager",
                "scm_department_id": cls.env.ref("scm_base.dept_msd").id,
                "sequence": 20,
                "scm_review_days": 2,
            }
        )
        cls.tier_president = Tier.create(
            {
                **common,
                "name": "President approval (major only)",
                "review_type": "individual",
                "reviewer_id": cls.users["president"].id,
                "definition_type": "domain",
                "definition_domain": "[('is_major', '=', True)]",
                "sequence": 10,
                "scm_review_days": 1,
            }
        )

    def new_document(self, user=None, **vals):
        user = user or self.users["wh.consultant"]
        vals.setdefault("name", "EMT proposal for 武汉服装")
        vals.setdefault("company_id", user.company_id.id)
        return self.Document.with_user(user).create(vals)

    @classmethod
    def delegate(cls, delegator, delegate, date_from, date_to, models=None):
        models = models if models is not None else cls.doc_model
        return (
            cls.env["scm.delegation"]
            .sudo()
            .create(
                {
                    "delegator_id": delegator.id,
                    "delegate_id": delegate.id,
                    "model_ids": [Command.set(models.ids)],
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        )
