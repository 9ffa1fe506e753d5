from . import scm_customer_reassign
from . import plan_escalation
