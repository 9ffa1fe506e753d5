from . import test_session_core

# [areas]
from . import test_plans_annual
from . import test_plans_monthly
from . import test_plans_five_haves
from . import test_plans_need
