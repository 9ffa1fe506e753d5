from odoo import fields

from odoo.addons.scm_base.tests.common import users_read_english
from odoo.addons.scm_contracts.tests.common import SERVICE_CLAUSES, ScmContractsCase


class ScmProjectsCase(ScmContractsCase):
    """Customer projects: one made the short way for each test class (a
    contract put in force directly, as its own steps would), and the real
    way through the contract's approval and signatures when the test is
    about that chain."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users_read_english(cls.env)
        ref = cls.env.ref
        for login in (
            "mcd.tsms",
            "qc.manager",
            "sw.manager",
            "mrd.analyst",
            "audit.staff",
            "cq.manager",
        ):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.Project = cls.env["project.project"]
        cls.mcd_manager = cls.users["mcd.manager"]
        cls.tsms = cls.users["mcd.tsms"]
        cls.auditor = cls.users["audit.staff"]
        cls.qc_manager = cls.users["qc.manager"]
        cls.wh_consultant = cls.users["wh.consultant"]
        cls.project = cls.make_project()

    @classmethod
    def make_project(cls, **vals):
        """The project of a contract in force, made without running the
        contract's approval chain (that chain has its own tests): the
        contract is created and put in force by sudo, then the project is
        created as the customer's signature creates it."""
        values = {
            "title": "楚风服饰 SCMS 企业管理改造合同（测试）",
            "contract_type": "sc",
            "company_id": cls.wuhan.id,
            "partner_id": cls.chufeng.id,
            "amount": 395000,
            **SERVICE_CLAUSES,
        }
        values.update(vals)
        contract = cls.env["scm.contract"].sudo().create(values)
        today = fields.Date.context_today(contract.with_user(cls.wh_manager))
        contract.write(
            {
                "stage": "effective",
                "customer_signatory": "张总经理",
                "customer_signed_date": today,
                "customer_sealed": True,
                "effective_date": today,
            }
        )
        return cls.env["project.project"]._scm_create_for_contract(contract)

    def as_client(self, record, user):
        """`record` as `user`'s web client gives it after login: the user's
        own company active."""
        return record.with_user(user).with_context(
            allowed_company_ids=[user.company_id.id]
        )
