from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain_context_values(self):
        """Odoo caches each rule domain per user until the registry's cache is
        cleared. Rules of ours compare with today (an access grant valid
        until a date): keying the cache by the date as well makes a grant
        that ran out stop granting at midnight, not at the next restart.

        The day is the user's, as the rule domain computes it (`user` is
        evaluated without the caller's context, so a time zone sent by the
        client moves neither): a grant ends at midnight in China, eight hours
        before the server's UTC date turns."""
        today = fields.Date.context_today(self.env.user.with_context(**{}))
        return (*super()._compute_domain_context_values(), today)

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        """Odoo ANDs the rules of a delegated parent (`_inherits`) into the
        child's: a training session is also filtered by the rules of its
        hr_course schedule. Our documents that extend an OCA record decide
        who sees them by their own rules, and the parent's rules for the
        records behind them mirror those rules back through the child (the
        schedule of a session one may read). Evaluating both makes every
        list, count and pivot test each rule twice, once through a join back
        to the child (issue 15: seven times crm.lead's count at 100,000).

        A model that declares `_scm_rules_cover_inherits = True` promises
        that whoever its rules let see (or write) a record may also see (or
        write) the record's parents under the parents' own rules; its
        domain is then its own rules only. The parents' rules still apply
        in full to the parents' own screens and calls.
        `test_org_role_rules_cover_delegated_parents` checks the promise
        for every such model and every user, in each mode."""
        if not getattr(self.env[model_name], "_scm_rules_cover_inherits", False):
            return super()._compute_domain(model_name, mode)
        return self._scm_compute_own_domain(model_name, mode)

    @api.model
    @tools.conditional(
        "xml" not in config["dev_mode"],
        tools.ormcache(
            "self.env.uid",
            "self.env.su",
            "model_name",
            "mode",
            "tuple(self._compute_domain_context_values())",
        ),
    )
    def _scm_compute_own_domain(self, model_name, mode):
        """The model's own rules combined as Odoo combines them (global
        rules ANDed, group rules of the user's groups ORed), without the
        delegated parents' rules. Cached as Odoo caches `_compute_domain`,
        and cleared with it when a rule changes."""
        rules = self._get_rules(model_name, mode=mode)
        if not rules:
            return []
        eval_context = self._eval_context()
        user_groups = self.env.user.groups_id
        global_domains = []
        group_domains = []
        for rule in rules.sudo():
            domain = (
                safe_eval(rule.domain_force, eval_context) if rule.domain_force else []
            )
            domain = expression.normalize_domain(domain)
            if not rule.groups:
                global_domains.append(domain)
            elif rule.groups & user_groups:
                group_domains.append(domain)
        if group_domains:
            global_domains.append(expression.OR(group_domains))
        return expression.AND(global_domains)
