from . import test_session_core

# [areas]
from . import test_sessions_workflow
from . import test_sessions_views
from . import test_tours
from . import test_plans_annual
from . import test_plans_monthly
from . import test_plans_five_haves
from . import test_plans_need

# [evaluation]
from . import test_evaluation_trainer
from . import test_evaluation_exam
from . import test_evaluation_summary
from . import test_evaluation_security

# [i18n]
from . import test_i18n

# [demo]
from . import test_list_queries
from . import test_http_story
from . import test_demo_story
