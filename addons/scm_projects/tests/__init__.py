from . import test_project_core
from . import test_dev_core
from . import test_dev_list_queries

# [areas] each area appends its own test modules below
from . import test_closing_acceptance
from . import test_closing_collection
from . import test_closing_handover
from . import test_closing_closing

# runin
from . import test_runin_fault
from . import test_runin_quota
from . import test_runin_requirements
from . import test_runin_training
from . import test_runin_security
from . import test_network_equipment
from . import test_network_service
from . import test_network_disc
from . import test_kickoff_kickoff
from . import test_kickoff_research
from . import test_initiation_notice
from . import test_initiation_team

# elements
from . import test_elements_documents
from . import test_elements_element
from . import test_plans_plan
from . import test_plans_delay_notice
from . import test_plans_tracking

# demo
from . import test_demo_story
from . import test_http_story
from . import test_tours
from . import test_list_queries
from . import test_secondary_project

# i18n
from . import test_i18n

# brand
from . import test_brand_project

# devagr
from . import test_devagr_analysis
from . import test_devagr_agreement

# devreq
from . import test_devreq_plan
from . import test_devreq_sources

# devhttp
from . import test_http_story_dev
