from odoo.addons.scm_projects.tests.common import ScmProjectsCase


class ScmServiceCase(ScmProjectsCase):
    """Customer service with the demo organization: Wuhan's service staff,
    MCD and the TSMS, and 汉江 as a customer (its project and contracts come
    from the demo)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        for login in ("mcd.consultant", "wh.consultant2"):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.wh_consultant2 = cls.users["wh.consultant2"]
        cls.mcd_consultant = cls.users["mcd.consultant"]

    @classmethod
    def make_service_contract(cls, partner, **vals):
        """A J contract in force for `partner`, made the short way: it
        continues the paid service period of an S&C contract of the same
        customer (CON-TS-01), both put in force directly."""
        sc_project = cls.make_project(partner_id=partner.id)
        sc_project.scm_contract_id.sudo().write({"stage": "paid_service"})
        return cls.make_project(
            partner_id=partner.id,
            sc_contract_id=sc_project.scm_contract_id.id,
            title=f"{partner.name} 技术服务合同（测试）",
            contract_type="tech_service",
            amount=30000,
            **vals,
        ).scm_contract_id
