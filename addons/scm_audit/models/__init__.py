from . import scm_audit_mixin
from . import scm_audit_unit_mixin
from . import mgmtsystem_audit
from . import mgmtsystem_nonconformity
from . import mgmtsystem_action
from . import scm_audit_report
from . import scm_audit_finding
from . import scm_audit_escalation
from . import scm_audit_proposal

# [areas]
from . import detect_scm_audit_proposal
from . import detect_scm_audit_sample
