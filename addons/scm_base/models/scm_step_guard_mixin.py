from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

# Records a document may only link to when the user may read them: customers
# and contacts, CRM leads, and the suite's own documents.
GUARDED_LINK_MODELS = ("res.partner", "crm.lead")


class ScmStepGuardMixin(models.AbstractModel):
    """Fields that only a workflow step writes, links that only point at
    records the user may see, and a company that does not move.

    A document names in `_scm_step_fields` the fields that record a decision,
    a signature, a number or a stage. `create` and `write` refuse them from
    any caller; the step methods write them through `_scm_step_write` (or
    `sudo()`), after their own checks. Over RPC a client may send any
    arguments and any context, but it cannot obtain `sudo`: no context key
    opens this guard.

    Without sudo, a many2one/many2many value pointing at a customer, a CRM
    lead or a suite document must point at a record the user may read, and
    `company_id` of an existing record is not rewritten: a record moves to
    another branch only through a step that says so."""

    _name = "scm.step.guard.mixin"
    _description = "Workflow Step Guard"

    # Fields written only by the document's steps.
    _scm_step_fields = ()

    def _scm_step_field_names(self):
        """Every step field of the model; mixins add theirs with super()."""
        return set(self._scm_step_fields)

    def _scm_step_write(self, vals):
        """Write step fields on behalf of a step method that already checked
        who may take the step. The author of the change stays the user."""
        return self.sudo().write(vals)

    # -- guard ------------------------------------------------------------------
    def _scm_guard_error(self, names):
        labels = ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )
        return UserError(
            _(
                "%(model)s: %(fields)s can only be set by its workflow step, "
                "not edited directly.",
                fields=labels,
                model=self._description,
            )
        )

    def _scm_link_model_guarded(self, comodel_name):
        return comodel_name in GUARDED_LINK_MODELS or comodel_name.startswith("scm.")

    def _scm_check_links(self, vals):
        """Refuse links to records the user may not read."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if (
                not field
                or field.type not in ("many2one", "many2many")
                or not value
                or not self._scm_link_model_guarded(field.comodel_name)
            ):
                continue
            ids = _linked_ids(field, value)
            if not ids:
                continue
            targets = self.env[field.comodel_name].browse(ids).exists()
            try:
                targets.check_access("read")
            except AccessError as error:
                raise AccessError(
                    _(
                        "%(field)s of %(model)s cannot point at a record you may "
                        "not see.",
                        field=field._description_string(self.env),
                        model=self._description,
                    )
                ) from error

    def _scm_strip_step_defaults(self):
        """Context defaults (`default_<field>`) may not preset step fields."""
        names = self._scm_step_field_names()
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in names)
        }
        if len(context) == len(self.env.context):
            return self
        # An environment with exactly this context: the keys are gone, not
        # set to a value another default could read.
        return self.with_env(self.env(context=context))

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        guarded = self._scm_strip_step_defaults()
        names = guarded._scm_step_field_names()
        for vals in vals_list:
            preset = {
                name
                for name in names & vals.keys()
                if vals[name] and vals[name] != guarded._scm_static_default(name)
            }
            if preset:
                raise guarded._scm_guard_error(preset)
            guarded._scm_check_links(vals)
        return super(ScmStepGuardMixin, guarded).create(vals_list)

    def _scm_static_default(self, name):
        """The field's own default, whatever the context says."""
        field = self._fields[name]
        if field.default is None:
            return False
        value = field.default(self.with_env(self.env(context={})))
        return field.convert_to_write(field.convert_to_cache(value, self), self)

    def write(self, vals):
        self._scm_guard_write(vals)
        return super().write(vals)

    def _scm_guard_write(self, vals):
        """Refuse, without sudo, step fields, a change of branch and links to
        records the user may not read."""
        if not self.env.su:
            protected = self._scm_step_field_names() & vals.keys()
            if protected:
                raise self._scm_guard_error(protected)
            if "company_id" in vals and "company_id" in self._fields:
                company_id = vals["company_id"]
                if any(record.company_id.id != company_id for record in self):
                    raise UserError(
                        _(
                            "%(model)s cannot be moved to another branch by "
                            "editing it.",
                            model=self._description,
                        )
                    )
            self._scm_check_links(vals)


def _linked_ids(field, value):
    """Record ids a many2one/many2many value links to (commands included)."""
    if field.type == "many2one":
        if isinstance(value, models.BaseModel):
            return value.ids
        return [value] if isinstance(value, int) else []
    ids = []
    for command in value if isinstance(value, list | tuple) else []:
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, list | tuple) and command:
            if command[0] == 4 and len(command) > 1:
                ids.append(command[1])
            elif command[0] == 6 and len(command) > 2:
                ids.extend(command[2] or [])
    return [i for i in ids if isinstance(i, int)]
