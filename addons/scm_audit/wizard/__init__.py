from . import scm_audit_rectification_wizard
from . import scm_audit_recheck_wizard
from . import scm_audit_level_wizard
from . import scm_audit_training_need_wizard
from . import scm_audit_decision_wizard
from . import scm_audit_finding_open_wizard

# [areas]
from . import sat_measures_wizard
from . import sat_recheck_wizard
