from . import scm_customer_reassign
from . import plan_escalation
from . import newbranch_resolution_wizard
