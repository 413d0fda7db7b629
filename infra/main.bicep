// Azure resources for the secondment bot. Deployed by `atk provision` (m365agents.yml, arm/deploy)
// or by `az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json`.
// Nothing here holds a secret: the app reaches the Bot Framework and Cosmos DB with its
// user-assigned managed identity, and Cosmos DB has key (local) authentication turned off.

@minLength(4)
@maxLength(20)
@description('Lower-case letters and digits; the start of every resource name.')
param resourceBaseName string

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@maxLength(42)
@description('The bot\'s name as Azure shows it.')
param botDisplayName string = 'Secondments'

@description('App Service plan size. P0v3 or larger: Basic plans do not scale out to several instances well.')
param webAppSku string = 'P0v3'

@minValue(2)
@maxValue(10)
@description('How many instances run the app. The outbox leader and the scheduler are safe with 2 to 10.')
param instanceCount int = 2

@description('Azure Bot pricing tier. F0 is enough for Teams (a standard channel).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Serverless Cosmos DB (pay per request unit) or provisioned autoscale throughput.')
param cosmosServerless bool = true

@description('With provisioned throughput: the most request units per second the database may scale to.')
param cosmosAutoscaleMaxThroughput int = 1000

param cosmosDatabaseName string = 'secondments'

@description('How long Log Analytics keeps telemetry, in days.')
param logRetentionDays int = 30

@description('The Teams app id from the manifest (TEAMS_APP_ID).')
param teamsAppId string

@description('Entra ID object ids of the programme team, comma-separated (or leave empty and use the app role).')
param programmeTeamAadIds string = ''

param programmeTeamEmail string = 'secondmentexpertise@cabinetoffice.gov.uk'

@description('Install the app for people who do not have it, through Microsoft Graph (needs admin consent).')
param graphInstallForUsers bool = false

@description('The app\'s id in the organisation\'s app catalogue (after publish), for Graph installs.')
param teamsCatalogAppId string = ''

// The containers the code expects, written from src/store/store.ts CONTAINER_DEFINITIONS by
// `npm run infra:containers`. test/infra/infra.test.ts fails when the two differ.
var containers = loadJsonContent('cosmos-containers.json')

// Built-in Cosmos DB data-plane role: Cosmos DB Built-in Data Contributor.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${resourceBaseName}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous7Days' }
    }
    capabilities: cosmosServerless ? [{ name: 'EnableServerless' }] : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
    options: cosmosServerless ? {} : { autoscaleSettings: { maxThroughput: cosmosAutoscaleMaxThroughput } }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.id
    properties: {
      resource: union(
        {
          id: c.id
          partitionKey: { paths: [c.partitionKeyPath], kind: 'Hash', version: 2 }
          indexingPolicy: c.indexingPolicy
        },
        contains(c, 'defaultTtl') ? { defaultTtl: c.defaultTtl } : {}
      )
    }
  }
]

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'MICROSOFT_APP_ID', value: identity.properties.clientId }
        { name: 'MICROSOFT_APP_TYPE', value: 'UserAssignedMSI' }
        { name: 'MICROSOFT_APP_TENANT_ID', value: identity.properties.tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'SHUTDOWN_GRACE_MS', value: '25000' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'BOT_DOMAIN', value: '${resourceBaseName}-app.azurewebsites.net' }
        { name: 'PROGRAMME_TEAM_AAD_IDS', value: programmeTeamAadIds }
        { name: 'PROGRAMME_TEAM_EMAIL', value: programmeTeamEmail }
        { name: 'GRAPH_INSTALL_FOR_USERS', value: graphInstallForUsers ? 'true' : 'false' }
        { name: 'TEAMS_CATALOG_APP_ID', value: teamsCatalogAppId }
      ]
    }
  }
  dependsOn: [cosmosContainers, cosmosDataContributor]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Written to env/.env.<environment> by the toolkit.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output COSMOS_ACCOUNT_NAME string = cosmos.name
output APP_INSIGHTS_NAME string = appInsights.name
