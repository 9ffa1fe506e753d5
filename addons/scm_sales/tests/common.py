from odoo.addons.scm_base.tests.common import ScmBaseCase, china_today


class ScmSalesCase(ScmBaseCase):
    """Demo users of scm_base plus helpers to record customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        for login in (
            "msd.channel",
            "msd.presales",
            "cc.manager",
            "sc.manager",
            "sw.manager",
            "qc.manager",
            "mcd.manager",
            "brand.manager",
            "brand.designer",
            "bj.consultant2",
            "wx.manager",
        ):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.hubei = ref("base.state_cn_HB")
        cls.beijing_state = ref("base.state_cn_BJ")
        cls.jiangsu = ref("base.state_cn_JS")
        cls.Partner = cls.env["res.partner"]

    @classmethod
    def customer_values(cls, **vals):
        """Values of a complete customer information file (SAL-CUST-01)."""
        values = {
            "name": "测试服饰有限公司",
            "is_company": True,
            "scm_is_customer": True,
            "state_id": cls.hubei.id,
            "scm_source_channel": "exhibition",
            "scm_collected_date": china_today(),
            "scm_customer_class": "potential",
        }
        values.update(vals)
        return values

    @classmethod
    def new_customer(cls, user=None, **vals):
        user = user or cls.users["wh.consultant"]
        vals.setdefault("company_id", user.company_id.id)
        return cls.Partner.with_user(user).create(cls.customer_values(**vals))
